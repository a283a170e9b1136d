/// Python's `shlex.quote`, which the agent uses for every word of the commands it runs: a word
/// of only `[A-Za-z0-9_@%+=:,./-]` stays as it is; anything else is single-quoted, with each
/// `'` written as `'"'"'`; the empty word is `''`.
public enum ShellQuote {
    public static func quote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        let safe = word.unicodeScalars.allSatisfy { c in
            (c.value < 0x80 && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_")) || "@%+=:,./-".unicodeScalars.contains(c)
        }
        if safe { return word }
        // By bytes, not characters: a quote followed by a combining mark is one `Character`
        // ("'\u{301}"), and splitting by characters would leave that quote unescaped.
        var quoted: [UInt8] = [UInt8(ascii: "'")]
        for byte in word.utf8 {
            if byte == UInt8(ascii: "'") { quoted += Array("'\"'\"'".utf8) } else { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "'"))
        return String(decoding: quoted, as: UTF8.self)
    }
}
