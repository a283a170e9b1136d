/// Searching raw bytes, for the scans that look at a file before or beside its parse
/// (suppression comments, credentials).
enum ByteSearch {
    /// Where `needle` first starts at or after `start` and ends by `limit` (the end by default).
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        guard !needle.isEmpty, start >= 0, end >= needle.count, start <= end - needle.count else { return nil }
        for i in start...(end - needle.count) where bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
