/// An RFC 6901 JSON Pointer such as `/spec/worker_pool_specs/0`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    /// Parses the string form; a string that does not start with `/` (other than the empty
    /// root pointer) is read as a single token.
    public init(_ string: String) {
        if string.isEmpty {
            tokens = []
        } else if string.hasPrefix("/") {
            tokens = string.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                JSONPointer.unescape(String($0))
            }
        } else {
            tokens = [string]
        }
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static let root = JSONPointer()

    /// Tokens compare scalar by scalar, as the keys they name do (`ScalarKey`).
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.count == rhs.tokens.count && zip(lhs.tokens, rhs.tokens).allSatisfy { $0.hasSameScalars(as: $1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tokens.count)
        for token in tokens { hasher.combine(ScalarKey(token)) }
    }

    public func appending(_ key: String) -> JSONPointer { JSONPointer(tokens: tokens + [key]) }
    public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens: tokens + [String(index)]) }

    public var description: String {
        var out = ""
        for token in tokens {
            out += "/"
            out += JSONPointer.escape(token)
        }
        return out
    }

    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var out = ""
        for ch in token.unicodeScalars {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape(_ token: String) -> String {
        guard token.contains("~") else { return token }
        return token.replacingTildeEscapes()
    }

    /// An array index token: digits only, no leading zero (RFC 6901 §4).
    static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }
}

extension String {
    fileprivate func replacingTildeEscapes() -> String {
        var out = ""
        var it = unicodeScalars.makeIterator()
        while let ch = it.next() {
            if ch == "~" {
                switch it.next() {
                case "0": out += "~"
                case "1": out += "/"
                case let other?: out += "~"; out.unicodeScalars.append(other)
                case nil: out += "~"
                }
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// A path being walked, kept as components so that building a pointer costs nothing until a
/// diagnostic needs one.
struct PathComponents {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    var pointer: JSONPointer {
        JSONPointer(tokens: components.map {
            switch $0 {
            case .key(let key): return key
            case .index(let index): return String(index)
            }
        })
    }
}
