/// The nodes of one document by JSON Pointer, found once each.
///
/// `Node.resolve` walks from the root and searches each mapping's members in turn, which is
/// right for one look-up; a report of 20,000 findings under one mapping would make it
/// quadratic. The index remembers every node it has found and, for a mapping with many keys,
/// a table from key to member, so each look-up costs one step per pointer token that was not
/// looked up before, and one hash per token that was.
final class NodeIndex {
    let root: Node
    private var found: [JSONPointer: Node] = [:]
    /// For mappings with more than `tableThreshold` members: key → member index.
    private var tables: [JSONPointer: [ScalarKey: Int]] = [:]
    private static let tableThreshold = 16

    init(_ root: Node) {
        self.root = root
    }

    /// The node at `pointer`, or nil when the path leaves the document.
    func node(at pointer: JSONPointer) -> Node? {
        guard let last = pointer.tokens.last else { return root }
        if let known = found[pointer] { return known }
        let parentPointer = JSONPointer(tokens: Array(pointer.tokens.dropLast()))
        guard let parent = node(at: parentPointer) else { return nil }
        let child: Node?
        switch parent.value {
        case .object(let members):
            child = member(last, of: members, at: parentPointer)?.value
        case .array(let items):
            child = JSONPointer.arrayIndex(last).flatMap { $0 < items.count ? items[$0] : nil }
        default:
            child = nil
        }
        if let child { found[pointer] = child }
        return child
    }

    /// The member `key` of the mapping at `pointer`, if that is a mapping and has it.
    func member(_ key: String, at pointer: JSONPointer) -> Member? {
        guard case .object(let members)? = node(at: pointer)?.value else { return nil }
        return member(key, of: members, at: pointer)
    }

    private func member(_ key: String, of members: [Member], at pointer: JSONPointer) -> Member? {
        guard members.count > Self.tableThreshold else { return members.first(key: key) }
        if tables[pointer] == nil {
            var table: [ScalarKey: Int] = [:]
            table.reserveCapacity(members.count)
            // The first of two equal keys, as `first(key:)` finds it (parsers leave none).
            for (i, m) in members.enumerated() where table[ScalarKey(m.key)] == nil { table[ScalarKey(m.key)] = i }
            tables[pointer] = table
        }
        return tables[pointer]?[ScalarKey(key)].map { members[$0] }
    }
}
