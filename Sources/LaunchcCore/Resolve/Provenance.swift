/// Where each value of a resolved config, and of the body rendered from it, came from: the
/// queue file, the launch spec, a template variable, a flag, a placeholder, or the agent.
///
/// A value keeps its `Node.range` through resolving and rendering (renderers move nodes; they
/// do not copy their values out), so the range itself records the origin, at no cost to the
/// tree:
/// - offsets below `specBase` are places in the queue file, as parsed;
/// - the launch spec's nodes are moved up by `specBase` before they are merged in;
/// - a value launchc or the agent supplies (a template variable's value, a run fact from a
///   flag, the spec or a placeholder) gets a one-offset mark at `markBase + i`, `marks[i]`
///   saying what it is;
/// - `SourceRange.made` is a value the agent's code makes.
/// Files are at most 1 GiB (`--max-file-size`), so the spaces never meet.
public struct Provenance: Sendable {
    /// Where one value came from: a place in a file, words, or both.
    public struct Origin: Sendable {
        public var span: SourceSpan?
        /// What the value is, as a noun phrase ("template variable 'gpus', set by --set gpus=4").
        public var detail: String?

        public init(span: SourceSpan?, detail: String?) {
            self.span = span
            self.detail = detail
        }
    }

    static let specBase = 0x8000_0000
    static let markBase = 0xF000_0000

    public let queue: SourceFile
    public let spec: SourceFile?
    var marks: [Origin] = []

    public init(queue: SourceFile, spec: SourceFile?) {
        self.queue = queue
        self.spec = spec
    }

    /// A range that stands for `origin`.
    mutating func mark(_ origin: Origin) -> SourceRange {
        marks.append(origin)
        return .at(Self.markBase + marks.count - 1)
    }

    mutating func mark(_ detail: String, at span: SourceSpan? = nil) -> SourceRange {
        mark(Origin(span: span, detail: detail))
    }

    /// A launch spec node (and everything under it) moved into the spec's offsets.
    static func fromSpec(_ node: Node) -> Node {
        func moved(_ range: SourceRange) -> SourceRange { SourceRange(start: range.start + specBase, end: range.end + specBase) }
        switch node.value {
        case .array(let items): return Node(.array(items.map(fromSpec)), range: moved(node.range))
        case .object(let members):
            return Node(.object(members.map { Member(key: $0.key, keyRange: moved($0.keyRange), value: fromSpec($0.value)) }), range: moved(node.range))
        default: return Node(node.value, range: moved(node.range))
        }
    }

    /// Where a value with this range came from; nil for a value the agent makes.
    public func origin(of range: SourceRange) -> Origin? {
        let start = range.start
        if range == .made { return nil }
        if start >= Self.markBase {
            let i = start - Self.markBase
            return i < marks.count ? marks[i] : nil
        }
        if start >= Self.specBase {
            guard let spec else { return nil }
            return Origin(span: SourceSpan(file: spec, range: SourceRange(start: start - Self.specBase, end: range.end - Self.specBase)),
                          detail: "the launch spec's resource_args")
        }
        return Origin(span: SourceSpan(file: queue, range: range), detail: nil)
    }

    /// The source text a value was written as (a queue or spec place), to tell which macros it held.
    func sourceText(of range: SourceRange) -> String? {
        guard let span = origin(of: range)?.span, let r = span.range, span.file === queue || span.file === spec else { return nil }
        return span.file.text(in: r)
    }

    // MARK: Template variables

    /// `filled` (the config after `TemplateVariables.fill`, same shape as `original`) with each
    /// string that held a placeholder marked: a whole-value placeholder by the variable and
    /// where its value came from (`sources`), text with placeholders by the queue place and
    /// the variables in it.
    mutating func markTemplates(original: Node, filled: Node, sources: [String: Origin]) -> Node {
        switch (original.value, filled.value) {
        case (.string(let text), _):
            let placeholders = TemplateVariables.placeholders(in: text)
            let used = placeholders.map(\.name).filter { sources[$0] != nil }
            guard !used.isEmpty else { return filled }
            let place = SourceSpan(file: queue, range: original.range)
            if placeholders.count == 1, placeholders[0].isWholeValue, let source = sources[used[0]] {
                return Node(filled.value, range: mark(source))
            }
            let details = used.compactMap { sources[$0]?.detail }
            return Node(filled.value, range: mark("the queue, with \(Self.list(details)) filled in", at: place))
        case (.array(let before), .array(let after)) where before.count == after.count:
            return Node(.array(zip(before, after).map { markTemplates(original: $0, filled: $1, sources: sources) }), range: filled.range)
        case (.object(let before), .object(let after)) where before.count == after.count:
            return Node(.object(zip(before, after).map {
                Member(key: $1.key, keyRange: $1.keyRange, value: markTemplates(original: $0.value, filled: $1.value, sources: sources))
            }), range: filled.range)
        default:
            return filled
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension SourceRange {
    /// The range of a value launchc or the agent makes: it has no place in any file.
    public static let made = SourceRange(start: 0xFFFF_FFFF, end: 0xFFFF_FFFF)
}
