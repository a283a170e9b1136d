#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import CLaunchcSupport

/// Runs work over many items on several threads, with plain POSIX threads (no Dispatch or
/// Foundation to load at start-up). Workers take the next item from a shared counter, so a
/// slow file never holds up the others; each result goes to its item's own slot, so the
/// output order is the input order whatever the scheduling.
public enum Parallel {
    /// The number of cores online.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `transform` of every item, in order, on up to `threads` threads (the calling thread
    /// included). `transform` must be safe to call from several threads at once.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let workers = min(max(threads, 1), items.count)
        guard workers > 1 else { return items.map(transform) }
        let job = Job(items: items, transform: transform)
        var threadIDs: [pthread_t] = []
        for _ in 1..<workers {
            if let thread = ThreadStack.start({ job.run() }) { threadIDs.append(thread) }
        }
        job.run()
        for thread in threadIDs { pthread_join(thread, nil) }
        return job.results()
    }
}

/// Threads with room for deep recursion, and how much room the calling thread has left.
///
/// Schema evaluation recurses once per subschema entered, and a schema may chain 100,000
/// references (`Limits.maxSchemaDepth`); the threads launchc starts reserve `size` bytes of
/// address space for their stacks (pages are only committed as they are touched), and the
/// validator stops before the stack it runs on is full (`floor()`), whatever thread that is.
public enum ThreadStack {
    /// The stack each thread launchc starts reserves.
    public static let size = 1 << 30
    /// Room kept free below the floor, for the frames a check calls once it has stopped recursing.
    static let margin: UInt = 1 << 20

    /// Runs `body` on a new thread with a stack of `size` bytes and waits for it; on the
    /// calling thread when no thread can be started.
    public static func run<R>(size: Int = ThreadStack.size, _ body: () -> R) -> R {
        withoutActuallyEscaping(body) { body in
            let box = ResultBox<R>()
            let unsafe = UnsafeSendable { box.value = body() }
            guard let thread = start(size: size, { unsafe.body() }) else { return body() }
            pthread_join(thread, nil)
            return box.value!
        }
    }

    /// Starts a thread with a stack of `size` bytes running `body`; nil when none can be
    /// started (the body is not run then).
    static func start(size: Int = ThreadStack.size, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
        // The full size, then less, then the system's default, for systems that cap address space.
        for stackSize in [size, size / 8, 0] {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            if stackSize > 0 && pthread_attr_setstacksize(&attributes, stackSize) != 0 { continue }
            var thread = pthread_t()
            let context = Unmanaged.passRetained(Worker(body)).toOpaque()
            if pthread_create(&thread, &attributes, { raw in
                Unmanaged<Worker>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, context) == 0 {
                return thread
            }
            Unmanaged<Worker>.fromOpaque(context).release()
        }
        return nil
    }

    /// Where the calling thread's stack is now.
    @inline(__always)
    static func address() -> UInt { UInt(launchc_stack_pointer()) }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The lowest address the calling thread's stack may grow to before a deeper evaluation
    /// must stop (its bottom plus `margin`); 0 when the system does not say. Found once per
    /// thread, then kept in thread-local storage.
    static func floor() -> UInt {
        if let known = pthread_getspecific(key) { return UInt(bitPattern: known) }
        let bottom = UInt(launchc_stack_bottom())
        let floor = bottom == 0 ? 0 : bottom + margin
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: floor))
        return floor
    }
}

/// Where `ThreadStack.run` leaves its body's result for the thread that waits.
private final class ResultBox<R>: @unchecked Sendable {
    var value: R?
}

/// A closure that crosses to one other thread while its creator waits for that thread.
private struct UnsafeSendable: @unchecked Sendable {
    let body: () -> Void
}

/// A mutual-exclusion lock (a `pthread_mutex_t` at a stable address).
final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// What a thread runs (a class, so that it can cross `pthread_create` as one pointer).
private final class Worker: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// The shared state of one `Parallel.map`: the items, the next index (under a mutex), and one
/// slot per result, each written by exactly one worker before `pthread_join` publishes it.
private final class Job<T: Sendable, R: Sendable>: @unchecked Sendable {
    let items: [T]
    let transform: @Sendable (T) -> R
    private var next = 0
    private let lock = Lock()
    private let slots: UnsafeMutablePointer<R?>

    init(items: [T], transform: @escaping @Sendable (T) -> R) {
        self.items = items
        self.transform = transform
        slots = .allocate(capacity: items.count)
        slots.initialize(repeating: nil, count: items.count)
    }

    deinit {
        slots.deinitialize(count: items.count)
        slots.deallocate()
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < items.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func run() {
        while let index = take() { slots[index] = transform(items[index]) }
    }

    func results() -> [R] { (0..<items.count).map { slots[$0]! } }
}
