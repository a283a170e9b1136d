/// A one-pass reader for JSON that launchc itself wrote and tests (the bundled schemas): no
/// error reporting, no limits, no jansson tree to convert, only the document. It builds the
/// same `Node`s as `JSONParser` (ranges included), in a fraction of the time, which is what
/// loading a large schema at start-up costs. Input that is not valid JSON gives nil.
enum TrustedJSON {
    static func parse(_ text: String) -> Node? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            reader.skipSpace()
            guard let node = reader.value() else { return nil }
            reader.skipSpace()
            return reader.index == bytes.count ? node : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value() -> Node? {
            guard index < bytes.count else { return nil }
            let start = index
            switch bytes[index] {
            case 0x7B:  // {
                index += 1
                var members: [Member] = []
                skipSpace()
                if index < bytes.count, bytes[index] == 0x7D { index += 1; return Node(.object(members), range: range(from: start)) }
                while true {
                    skipSpace()
                    let keyStart = index
                    guard let key = string() else { return nil }
                    let keyRange = range(from: keyStart)
                    skipSpace()
                    guard index < bytes.count, bytes[index] == 0x3A else { return nil }
                    index += 1
                    skipSpace()
                    guard let value = value() else { return nil }
                    members.append(Member(key: key, keyRange: keyRange, value: value))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == 0x2C { index += 1; continue }
                    guard bytes[index] == 0x7D else { return nil }
                    index += 1
                    return Node(.object(members), range: range(from: start))
                }
            case 0x5B:  // [
                index += 1
                var items: [Node] = []
                skipSpace()
                if index < bytes.count, bytes[index] == 0x5D { index += 1; return Node(.array(items), range: range(from: start)) }
                while true {
                    skipSpace()
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == 0x2C { index += 1; continue }
                    guard bytes[index] == 0x5D else { return nil }
                    index += 1
                    return Node(.array(items), range: range(from: start))
                }
            case 0x22:
                guard let s = string() else { return nil }
                return Node(.string(s), range: range(from: start))
            case 0x74: return word("true", .bool(true), start)
            case 0x66: return word("false", .bool(false), start)
            case 0x6E: return word("null", .null, start)
            default: return number(start)
            }
        }

        func range(from start: Int) -> SourceRange { SourceRange(start: start, end: index) }

        mutating func word(_ text: StaticString, _ value: Value, _ start: Int) -> Node? {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for i in 0..<count where bytes[index + i] != text.utf8Start[i] { return nil }
            index += count
            return Node(value, range: range(from: start))
        }

        mutating func number(_ start: Int) -> Node? {
            var isInteger = true
            while index < bytes.count {
                switch bytes[index] {
                case 0x30...0x39, 0x2D, 0x2B: index += 1
                case 0x2E, 0x65, 0x45: isInteger = false; index += 1
                default:
                    return number(start, isInteger)
                }
            }
            return number(start, isInteger)
        }

        func number(_ start: Int, _ isInteger: Bool) -> Node? {
            guard index > start else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if isInteger, let i = Int64(text) { return Node(.integer(i), range: range(from: start)) }
            guard let d = Double(text) else { return nil }
            return Node(.number(d), range: range(from: start))
        }

        /// A string at `index` (its opening quote), escapes decoded.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            index += 1
            let start = index
            // The common case: no escapes, one copy.
            while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x22 {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            var out = Array(bytes[start..<index])
            while index < bytes.count {
                let b = bytes[index]
                index += 1
                if b == 0x22 { return String(decoding: out, as: UTF8.self) }
                guard b == 0x5C else { out.append(b); continue }
                guard index < bytes.count else { return nil }
                let e = bytes[index]
                index += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: String(s).utf8)
                default: return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[index]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: return nil
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
