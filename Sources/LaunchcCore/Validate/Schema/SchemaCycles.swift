/// Subschemas that reach themselves again at the same instance location: through `$ref`,
/// a `$dynamicRef` that is not dynamic, and the in-place applicators (`allOf`, `anyOf`, `oneOf`,
/// `not`, `if`, `then`, `else`, `dependentSchemas`), none of which reads further into the value.
/// Evaluating such a schema never ends (JSON Schema 2020-12 core §9.4.1 leaves it undefined);
/// launchc refuses the schema when it is compiled. A `$dynamicRef` whose target is chosen by the
/// dynamic scope is left to the validator, which finds a loop through it when it runs one.
enum SchemaCycles {
    /// One cycle: the nodes in order, each reaching the next, the last reaching the first.
    struct Cycle: Equatable {
        var nodes: [Int]
    }

    /// The subschemas `node` evaluates at the same instance location, with the keyword that
    /// leads to each (`$ref`, `allOf/1`, `then`, `dependentSchemas/name`).
    static func inPlace(_ node: SchemaNode) -> [(keyword: String, target: Int)] {
        var out: [(String, Int)] = []
        if let ref = node.ref { out.append(("$ref", ref)) }
        if let target = node.dynamicRef, node.dynamicAnchor == nil { out.append(("$dynamicRef", target)) }
        for (i, sub) in node.allOf.enumerated() { out.append(("allOf/\(i)", sub)) }
        for (i, sub) in node.anyOf.enumerated() { out.append(("anyOf/\(i)", sub)) }
        for (i, sub) in node.oneOf.enumerated() { out.append(("oneOf/\(i)", sub)) }
        if let sub = node.not { out.append(("not", sub)) }
        if let sub = node.ifSchema { out.append(("if", sub)) }
        if let sub = node.thenSchema { out.append(("then", sub)) }
        if let sub = node.elseSchema { out.append(("else", sub)) }
        for (name, sub) in node.dependentSchemas { out.append(("dependentSchemas/" + JSONPointer.escape(name), sub)) }
        return out
    }

    /// One cycle for each strongly connected group of subschemas that has one (Tarjan's
    /// algorithm, iterative, so that a chain of 100,000 references needs no deep stack), in
    /// the order of the group's first node. Each cycle starts at a node whose `$ref` or
    /// `$dynamicRef` leads on (every cycle has one: the applicators alone form a tree).
    static func find(in set: SchemaSet) -> [Cycle] {
        let count = set.nodes.count
        let edges: [[Int]] = set.nodes.map { inPlace($0).map(\.target) }
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var next = 0
        var groups: [[Int]] = []
        // Each frame: a node and how many of its edges it has followed.
        var frames: [(node: Int, edge: Int)] = []
        for start in 0..<count where index[start] < 0 && !edges[start].isEmpty {
            frames.append((start, 0))
            index[start] = next; low[start] = next; next += 1
            stack.append(start); onStack[start] = true
            while let (v, e) = frames.last {
                if e < edges[v].count {
                    frames[frames.count - 1].edge += 1
                    let w = edges[v][e]
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { low[parent] = min(low[parent], low[v]) }
                guard low[v] == index[v] else { continue }
                var group: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    group.append(w)
                    if w == v { break }
                }
                if group.count > 1 || edges[v].contains(v) { groups.append(group) }
            }
        }
        return groups.map { cycle(in: Set($0), set: set, edges: edges) }.sorted { $0.nodes[0] < $1.nodes[0] }
    }

    /// A shortest cycle that starts with the group's first reference: its `$ref` (or static
    /// `$dynamicRef`), then the shortest way back within the group (breadth first).
    private static func cycle(in group: Set<Int>, set: SchemaSet, edges: [[Int]]) -> Cycle {
        func reference(_ node: Int) -> Int? {
            let n = set.nodes[node]
            if let ref = n.ref, group.contains(ref) { return ref }
            if let target = n.dynamicRef, n.dynamicAnchor == nil, group.contains(target) { return target }
            return nil
        }
        guard let start = group.filter({ reference($0) != nil }).min(), let first = reference(start) else {
            return Cycle(nodes: group.sorted())
        }
        guard first != start else { return Cycle(nodes: [start]) }
        var previous: [Int: Int] = [first: start]
        var queue = [first]
        var head = 0
        search: while head < queue.count {
            let v = queue[head]
            head += 1
            for w in edges[v] where group.contains(w) && previous[w] == nil {
                previous[w] = v
                if w == start { break search }
                queue.append(w)
            }
        }
        // Walk back from start to first, then put the path in the order it is walked.
        var path: [Int] = []
        var v = previous[start] ?? first
        while v != start {
            path.append(v)
            v = previous[v] ?? start
        }
        return Cycle(nodes: [start] + path.reversed())
    }

    /// The keyword by which `from` reaches `to`, preferring a reference (a node can reach one
    /// target several ways).
    static func keyword(from: SchemaNode, to: Int) -> String {
        let ways = inPlace(from).filter { $0.target == to }
        // A dynamic `$dynamicRef` reaches what the dynamic scope chooses: no static edge says so.
        return (ways.first { $0.keyword.hasPrefix("$") } ?? ways.first)?.keyword ?? (from.dynamicRef != nil ? "$dynamicRef" : "$ref")
    }

    /// A cycle as text: `#/$defs/a --$ref--> #/$defs/b --allOf/0--> … --$ref--> #/$defs/a`, each
    /// node by its location (its document named when not `home`).
    static func describe(_ nodes: [Int], in set: SchemaSet, home: String) -> String {
        var text = ""
        for (i, node) in nodes.enumerated() {
            let next = nodes[(i + 1) % nodes.count]
            text += place(set.nodes[node].location, home: home) + " --" + keyword(from: set.nodes[node], to: next) + "--> "
        }
        return text + place(set.nodes[nodes[0]].location, home: home)
    }

    static func place(_ location: SchemaLocation, home: String) -> String {
        (location.document == home ? "" : location.document) + "#" + location.pointer.description
    }

    /// The compile error for a cycle: at the reference that starts it, the whole cycle in a
    /// note, and the other references on the way as notes of their own.
    static func error(_ cycle: Cycle, in set: SchemaSet) -> SchemaError {
        let first = set.nodes[cycle.nodes[0]]
        let home = first.location.document
        let hops = cycle.nodes.indices.map { i in (node: cycle.nodes[i], keyword: keyword(from: set.nodes[cycle.nodes[i]], to: cycle.nodes[(i + 1) % cycle.nodes.count])) }
        var location = first.location
        location.pointer = location.pointer.appending(hops[0].keyword)
        let steps = cycle.nodes.count == 1 ? "itself" : "it again after \(cycle.nodes.count - 1) other subschema\(cycle.nodes.count == 2 ? "" : "s")"
        var error = SchemaError(location: location,
                                message: "'\(hops[0].keyword)' leads back to the schema it is in without reading into the value: evaluation would never end",
                                kind: .cycle)
        error.notes.append((message: "the cycle, which reaches \(steps): " + describe(cycle.nodes, in: set, home: home), location: nil))
        for hop in hops.dropFirst() where hop.keyword.hasPrefix("$") {
            var place = set.nodes[hop.node].location
            place.pointer = place.pointer.appending(hop.keyword)
            error.notes.append((message: "'\(hop.keyword)' here continues the cycle", location: place))
        }
        return error
    }
}
