/// The text of `launchc explain`.
public enum Explanation {
    /// One line per code: code, default severity, summary.
    public static func list() -> String {
        let width = DiagnosticID.all.map(\.name.count).max() ?? 0
        var out = ""
        for id in DiagnosticID.all {
            out += "\(id.code)  \(id.severity.rawValue.padding(7))  \(id.name.padding(width))  \(id.summary)\n"
        }
        return out
    }

    public static func text(for id: DiagnosticID) -> String {
        var out = "\(id.code) \(id.name) (\(id.severity.rawValue))\n\(id.summary)\n\n"
        out += wrap(id.explanation, width: 88) + "\n\n"
        out += "With the problem:\n\n" + indentLines(id.bad) + "\nFixed:\n\n" + indentLines(id.good)
        return out
    }

    static func indentLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
    }

    static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
