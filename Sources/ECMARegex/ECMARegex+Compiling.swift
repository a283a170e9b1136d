extension ECMARegex {
    // MARK: Compiling

    struct Compiler {
        let ignoreCase: Bool
        var program: [Instruction] = []
        var sets: [CharacterSet] = []
        var lookarounds: [[Instruction]] = []
        var registers = 0

        init(ignoreCase: Bool) { self.ignoreCase = ignoreCase }

        mutating func emit(_ node: Node) {
            switch node {
            case .empty: break
            case .char(let c): program.append(.char(c))
            case .any: program.append(.any)
            case .set(let set):
                program.append(.set(add(set)))
            case .start: program.append(.start)
            case .end: program.append(.end)
            case .boundary(let wanted): program.append(.boundary(wanted))
            case .group(let inner, let capture):
                if let capture { program.append(.save(2 * capture)) }
                emit(inner)
                if let capture { program.append(.save(2 * capture + 1)) }
            case .look(let inner, let negate, let behind):
                var sub = Compiler(ignoreCase: ignoreCase)
                sub.sets = sets
                sub.lookarounds = lookarounds
                sub.registers = registers
                sub.emit(inner)
                if behind { sub.program.append(.endsHere) }
                sub.program.append(.match)
                sets = sub.sets
                registers = sub.registers
                lookarounds = sub.lookarounds + [sub.program]
                program.append(.look(lookarounds.count - 1, negate: negate, behind: behind))
            case .backreference(let group):
                program.append(.backreference(group))
            case .concat(let items):
                items.forEach { emit($0) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (i, branch) in branches.enumerated() {
                    if i < branches.count - 1 {
                        let split = program.count
                        program.append(.split(split + 1, -1))
                        emit(branch)
                        jumps.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        emit(branch)
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
            case .repetition(let inner, let min, let max, true) where Self.isAtom(inner):
                let atom: Atom
                switch inner {
                case .char(let c): atom = .char(c)
                case .set(let set): atom = .set(add(set))
                default: atom = .any
                }
                program.append(.repeated(atom, min: min, max: max ?? Int.max))
            case .repetition(let inner, let min, let max, let greedy):
                // Each iteration starts with the groups inside it unset (ECMA-262's RepeatMatcher).
                let groups = Self.captures(in: inner)
                func iteration() {
                    if let first = groups.first, let last = groups.last { program.append(.clear(2 * first, 2 * last + 1)) }
                    emit(inner)
                }
                for _ in 0..<min {
                    iteration()
                    if program.count > 60_000 { return }  // too large: init throws Unsupported
                }
                if let max {
                    // Each optional copy: split over it, and over the rest.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.split(-1, -1))
                        iteration()
                        if program.count > 60_000 { return }
                    }
                    for s in splits { program[s] = greedy ? .split(s + 1, program.count) : .split(program.count, s + 1) }
                } else {
                    let canBeEmpty = Self.canMatchEmpty(inner)
                    let loop = program.count
                    program.append(.split(-1, -1))
                    let register = registers
                    if canBeEmpty { registers += 1; program.append(.mark(register)) }
                    iteration()
                    if canBeEmpty { program.append(.progress(register)) }
                    program.append(.jump(loop))
                    program[loop] = greedy ? .split(loop + 1, program.count) : .split(program.count, loop + 1)
                }
            }
        }

        /// The numbers of the capturing groups inside a node, in order (they are consecutive).
        static func captures(in node: Node) -> [Int] {
            switch node {
            case .group(let inner, let capture): return (capture.map { [$0] } ?? []) + captures(in: inner)
            case .look(let inner, _, _): return captures(in: inner)
            case .concat(let items), .alternation(let items): return items.flatMap(captures(in:))
            case .repetition(let inner, _, _, _): return captures(in: inner)
            default: return []
            }
        }

        /// Whether a node matches exactly one character.
        static func isAtom(_ node: Node) -> Bool {
            switch node {
            case .char, .any, .set: return true
            default: return false
            }
        }

        /// Adds a set to the program's sets, returning its index.
        mutating func add(_ set: CharacterSet) -> Int {
            var set = set
            set.ignoreCase = ignoreCase
            sets.append(set.sealed())
            return sets.count - 1
        }

        static func canMatchEmpty(_ node: Node) -> Bool {
            switch node {
            case .char, .any, .set: return false
            case .empty, .start, .end, .boundary, .look, .backreference: return true
            case .group(let inner, _): return canMatchEmpty(inner)
            case .concat(let items): return items.allSatisfy(canMatchEmpty)
            case .alternation(let branches): return branches.contains(where: canMatchEmpty)
            case .repetition(let inner, let min, _, _): return min == 0 || canMatchEmpty(inner)
            }
        }
    }
}
