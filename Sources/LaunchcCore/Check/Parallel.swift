#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

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
            var thread = pthread_t()
            let context = Unmanaged.passRetained(Worker { job.run() }).toOpaque()
            if pthread_create(&thread, nil, { raw in
                Unmanaged<Worker>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, context) == 0 {
                threadIDs.append(thread)
            } else {
                Unmanaged<Worker>.fromOpaque(context).release()
            }
        }
        job.run()
        for thread in threadIDs { pthread_join(thread, nil) }
        return job.results()
    }
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
