#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Document strings compare as JSON, JSON Schema and Python compare them: scalar by scalar.
///
/// Swift's `String ==` (and its hashing) is canonical equivalence: `"ä"` (U+00E4) equals
/// `"a\u{308}"`, and `"\u{212A}ind"` (KELVIN SIGN) equals `"Kind"`. To the agent and to every
/// JSON reader those are different keys and values, so wherever launchc compares or hashes a
/// string that came from a document (keys, duplicate keys, `enum`, `const`, `uniqueItems`,
/// `properties`, `required`) it goes through these instead.
extension String {
    /// Whether the two strings hold the same Unicode scalars (the same UTF-8 bytes).

    public func hasSameScalars(as other: String) -> Bool {
        let (a, b) = (utf8, other.utf8)
        guard a.count == b.count else { return false }
        let contiguous = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
        return (contiguous ?? nil) ?? a.elementsEqual(b)
    }
}

/// A string as a dictionary or set key that hashes and compares by its scalars.
public struct ScalarKey: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var string: String

    public init(stringLiteral value: String) { self.string = value }

    public init(_ string: String) { self.string = string }

    public static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool { lhs.string.hasSameScalars(as: rhs.string) }

    public func hash(into hasher: inout Hasher) {
        let utf8 = string.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }

    public var description: String { string }
}

extension Sequence where Element == Member {
    /// The first member whose key has exactly these scalars.

    func first(key: String) -> Member? { first { $0.key.hasSameScalars(as: key) } }

    /// Whether a member has exactly this key.

    func contains(key: String) -> Bool { contains { $0.key.hasSameScalars(as: key) } }
}

extension Set<String> {
    /// Whether the set holds a string with exactly these scalars (`contains` would also take a
    /// canonically equivalent one).
    func containsExactly(_ string: String) -> Bool {
        guard let index = firstIndex(of: string) else { return false }
        return self[index].hasSameScalars(as: string)
    }
}

/// A value as a dictionary or set key, with `Value`'s equality (JSON Schema's: `1` equals
/// `1.0`, key order does not matter, strings scalar by scalar), so that `uniqueItems` and long
/// `enum` lists are decided by hashing rather than by comparing every pair.
struct HashedValue: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: HashedValue, rhs: HashedValue) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    private static func hash(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .integer(let i):
            hasher.combine(2 as UInt8)
            hasher.combine(i)
        case .number(let d):
            // A double equal to an integer hashes as that integer; all NaNs alike; -0 as 0.
            if let i = Int64(exactly: d) {
                hasher.combine(2 as UInt8)
                hasher.combine(i)
            } else {
                hasher.combine(3 as UInt8)
                hasher.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
            }
        case .string(let s):
            hasher.combine(4 as UInt8)
            hasher.combine(ScalarKey(s))
        case .array(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items.count)
            for item in items { hash(item.value, into: &hasher) }
        case .object(let members):
            // Order-independent: the members' own hashes, summed.
            hasher.combine(6 as UInt8)
            hasher.combine(members.count)
            var sum = 0
            for member in members {
                var inner = Hasher()
                inner.combine(ScalarKey(member.key))
                hash(member.value.value, into: &inner)
                sum &+= inner.finalize()
            }
            hasher.combine(sum)
        }
    }
}
