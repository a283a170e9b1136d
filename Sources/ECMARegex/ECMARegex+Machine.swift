extension ECMARegex {
    // MARK: The machine

    enum Instruction: Sendable {
        case char(UInt32)
        case any
        case set(Int)
        /// A greedy repetition of one character matcher (`.*`, `[a-z]{1,64}`): takes as many as
        /// it can, up to `max`, in one step, and gives them back one at a time on backtracking.
        case repeated(Atom, min: Int, max: Int)
        /// Try the first target, then (on failure) the second.
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case start, end
        case boundary(Bool)
        /// Lookahead (or lookbehind): a sub-program, negated or not.
        case look(Int, negate: Bool, behind: Bool)
        /// In a lookbehind's sub-program: succeeds only where the lookbehind started.
        case endsHere
        /// Unsets the capture slots from the first to the last (inclusive), undone on backtracking.
        case clear(Int, Int)
        case backreference(Int)
        /// Loop guards: remember the position, and fail an iteration that consumed nothing.
        case mark(Int)
        case progress(Int)
        case match
    }

    /// What matches one character.
    enum Atom: Sendable {
        case char(UInt32)
        case any
        case set(Int)
    }

    enum Frame {
        case branch(pc: Int, position: Int)
        /// A `repeated` that may give back characters: resume at `pc` from `next`, then
        /// `next - 1`, ... down to `low`.
        case retreat(pc: Int, low: Int, next: Int)
        case restoreSlot(Int, Int)
        case restoreRegister(Int, Int)
    }

    /// Runs `program` from `start`. The stack is left as it was found (empty at the top level),
    /// so a lookahead runs on the same scratch above its caller's frames.
    func run(_ program: [Instruction], _ input: [UInt32], at start: Int, scratch: inout Scratch, steps: inout Int) -> Bool? {
        let base = scratch.stack.count
        defer { scratch.stack.removeSubrange(base...) }
        var pc = 0
        var position = start
        while true {
            steps -= 1
            if steps < 0 { return nil }
            var failed = false
            switch program[pc] {
            case .char(let c):
                if position < input.count && fold(input[position]) == c { position += 1; pc += 1 } else { failed = true }
            case .any:
                if position < input.count && !Self.isLineTerminator(input[position]) { position += 1; pc += 1 } else { failed = true }
            case .set(let index):
                if position < input.count && sets[index].contains(input[position]) { position += 1; pc += 1 } else { failed = true }
            case .repeated(let atom, let min, let max):
                let from = position
                let limit = input.count - from < max ? input.count : from + max
                while position < limit && matches(atom, input[position]) { position += 1 }
                steps -= position - from
                if position - from < min {
                    failed = true
                } else {
                    if position - from > min { scratch.stack.append(.retreat(pc: pc + 1, low: from + min, next: position - 1)) }
                    pc += 1
                }
            case .split(let first, let second):
                scratch.stack.append(.branch(pc: second, position: position))
                pc = first
            case .jump(let target):
                pc = target
            case .save(let slot):
                if slot < scratch.slots.count {
                    scratch.stack.append(.restoreSlot(slot, scratch.slots[slot]))
                    scratch.slots[slot] = position
                }
                pc += 1
            case .start:
                if position == 0 { pc += 1 } else { failed = true }
            case .end:
                if position == input.count || (python && position == input.count - 1 && input[position] == 0x0A) { pc += 1 } else { failed = true }
            case .boundary(let wanted):
                let before = position > 0 && Self.isWord(input[position - 1])
                let after = position < input.count && Self.isWord(input[position])
                if (before != after) == wanted { pc += 1 } else { failed = true }
            case .look(let index, let negate, let behind):
                // Groups inside a lookaround are not kept.
                let slots = scratch.slots
                var outcome: Bool? = false
                if behind {
                    // Some start at or before here from which the sub-pattern ends exactly here.
                    scratch.ends.append(position)
                    var from = position
                    while from >= 0 {
                        outcome = run(lookarounds[index], input, at: from, scratch: &scratch, steps: &steps)
                        if outcome != false { break }
                        from -= 1
                    }
                    scratch.ends.removeLast()
                } else {
                    outcome = run(lookarounds[index], input, at: position, scratch: &scratch, steps: &steps)
                }
                guard let found = outcome else { return nil }
                if found && !negate && !behind {
                    // A positive lookahead's groups are kept (as ECMA-262 says), and undone on
                    // backtracking like any other save.
                    for slot in scratch.slots.indices where scratch.slots[slot] != slots[slot] {
                        scratch.stack.append(.restoreSlot(slot, slots[slot]))
                    }
                } else {
                    scratch.slots = slots
                }
                if found != negate { pc += 1 } else { failed = true }
            case .endsHere:
                if position == scratch.ends.last { pc += 1 } else { failed = true }
            case .clear(let first, let last):
                for slot in first...min(last, scratch.slots.count - 1) where scratch.slots[slot] >= 0 {
                    scratch.stack.append(.restoreSlot(slot, scratch.slots[slot]))
                    scratch.slots[slot] = -1
                }
                pc += 1
            case .backreference(let group):
                let (from, to) = (scratch.slots[2 * group], scratch.slots[2 * group + 1])
                // The comparison is charged whether or not it matches.
                if from >= 0 && to >= 0 { steps -= to - from }
                if from < 0 || to < 0 {
                    pc += 1  // a group that took part in no match matches the empty string
                } else if position + (to - from) <= input.count,
                          (0..<(to - from)).allSatisfy({ fold(input[from + $0]) == fold(input[position + $0]) }) {
                    position += to - from
                    pc += 1
                } else {
                    failed = true
                }
            case .mark(let register):
                scratch.stack.append(.restoreRegister(register, scratch.registers[register]))
                scratch.registers[register] = position
                pc += 1
            case .progress(let register):
                if scratch.registers[register] != position { pc += 1 } else { failed = true }
            case .match:
                return true
            }
            guard failed else { continue }
            // Back to the last choice, undoing what was recorded since.
            var resumed = false
            while scratch.stack.count > base {
                switch scratch.stack.removeLast() {
                case .restoreSlot(let slot, let old): scratch.slots[slot] = old
                case .restoreRegister(let register, let old): scratch.registers[register] = old
                case .branch(let target, let at):
                    pc = target
                    position = at
                    resumed = true
                case .retreat(let target, let low, let next):
                    if next > low { scratch.stack.append(.retreat(pc: target, low: low, next: next - 1)) }
                    pc = target
                    position = next
                    resumed = true
                }
                if resumed { break }
            }
            if !resumed { return false }
        }
    }

    func fold(_ c: UInt32) -> UInt32 { ignoreCase ? Self.lower(c) : c }

    func matches(_ atom: Atom, _ c: UInt32) -> Bool {
        switch atom {
        case .char(let expected): return fold(c) == expected
        case .any: return !Self.isLineTerminator(c)
        case .set(let index): return sets[index].contains(c)
        }
    }

    static func lower(_ c: UInt32) -> UInt32 { (0x41...0x5A).contains(c) ? c + 0x20 : c }
    static func isWord(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F }
    static func isLineTerminator(_ c: UInt32) -> Bool { c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 }
}
