/// One reason an instance fails a schema.
public struct SchemaFailure: Sendable {
    /// The keyword that failed (`required`, `type`, `additionalProperties`, ...).
    public var keyword: String
    public var message: String
    /// The instance node the failure is about, and its JSON Pointer.
    public var pointer: JSONPointer
    public var range: SourceRange
    /// The failing subschema.
    public var schema: Int
    /// For `anyOf`/`oneOf`: each branch's subschema and failures, in branch order.
    public var branches: [(schema: Int, failures: [SchemaFailure])] = []
    /// The key a failure is about, for `required` and `dependentRequired` (the missing key and
    /// the key that needs it).
    public var key: String?
    /// A second place that explains the failure (the first of two equal items).
    public var related: SourceRange?
}

/// Validates document nodes against a compiled `SchemaSet`. A validator keeps a regex cache, so
/// use one per thread; the set itself is shared.
public final class SchemaValidator {
    public let set: SchemaSet
    private var path: [String] = []
    /// Schema resources entered, outermost first, for `$dynamicRef`.
    private var dynamicScope: [Int] = []

    /// Strings holding a `${macro}` or a `{{template}}` placeholder are filled in later (by the
    /// agent or the W&B server); when set, their pattern, length and enum checks wait for that.
    public var defersPlaceholders = false

    /// With `defersPlaceholders`: a `${NAME}` that is not one of the agent's own macros counts as
    /// written (the agent sends it so unless its environment sets NAME); `{{…}}` still waits.
    public var literalUnknownMacros = false

    /// For partial documents that something else completes (a launch spec's `resource_args`,
    /// deep-merged over the queue's config): `required` is not checked.
    public var ignoresRequired = false

    /// Steps one `pattern` may take on one value (`Limits.maxPatternSteps`).
    public var patternSteps: Int
    /// Values a pattern could not decide within `patternSteps` (keyword `pattern` or
    /// `patternProperties`), from the last `validate`; they count as matching.
    public private(set) var undecided: [SchemaFailure] = []
    /// Patterns that ran out of steps on this validator: not run again, so that one hostile
    /// pattern costs one budget per validator (one file), whatever the number of values.
    private var exhausted: Set<ObjectIdentifier> = []

    /// How deeply evaluations may nest, subschema within subschema and reference after
    /// reference (`Limits.maxSchemaDepth`).
    public var maxDepth: Int
    /// How many subschemas one validation may evaluate, plus `stepsPerByte` for each byte of
    /// the document's source (`Limits.maxSchemaSteps`): a schema of a few kilobytes can ask
    /// for exponentially many (`anyOf` of `anyOf`s of the same references).
    public var maxSteps: Int
    static let stepsPerByte = 16
    private var steps = 0
    private var stepBudget = 0
    /// How many `anyOf`/`oneOf` branches the evaluation is inside. Past `branchDetail` of them,
    /// a failing branch keeps no failures of its own: the diagnostics only look a few levels
    /// into branches, and a schema of nested alternatives would otherwise keep a tree of
    /// failures as large as the (exponential) work.
    private var branchDepth = 0
    static let branchDetail = 8
    /// Why the last `validate` stopped before the end, if it did; its failures are then
    /// empty, and the document is not decided by this schema.
    public private(set) var stopped: Stop?

    public enum Stop: Sendable {
        /// A subschema reached itself again at the same instance location, so evaluation would
        /// never end (through a `$dynamicRef`: the compiler refuses the other cycles). `nodes`
        /// is the cycle in order, from the subschema entered twice.
        case cycle(nodes: [Int], pointer: JSONPointer, range: SourceRange)
        /// Evaluation nested `depth` deep, to `maxDepth` or, when `stack`, as deep as the
        /// thread's stack has room for.
        case tooDeep(node: Int, pointer: JSONPointer, range: SourceRange, depth: Int, stack: Bool)
        /// Evaluation used up its budget of `steps` subschemas.
        case tooCostly(node: Int, pointer: JSONPointer, range: SourceRange, steps: Int)
    }

    /// The evaluations under way, outermost first: each subschema with the mark it replaced.
    private var chain: [(node: Int32, previous: Int32)] = []
    /// For each subschema, 1 + the instance depth (`path.count`) of its innermost evaluation
    /// under way, or 0. Evaluations along `chain` never go up the instance, so a subschema
    /// entered at the depth its mark holds is under way at this very value: a cycle.
    private var marks: [Int32] = []
    /// Below this address, the thread's stack has no room for a deeper evaluation.
    private var stackFloor: UInt = 0

    /// A validator with the pattern, depth and step limits of `limits`.
    public init(_ set: SchemaSet, limits: Limits = .default, defersPlaceholders: Bool = false, ignoresRequired: Bool = false) {
        self.set = set
        self.defersPlaceholders = defersPlaceholders
        self.ignoresRequired = ignoresRequired
        self.patternSteps = limits.maxPatternSteps
        self.maxDepth = limits.maxSchemaDepth
        self.maxSteps = limits.maxSchemaSteps
    }

    private func isDeferred(_ value: Value) -> Bool {
        guard defersPlaceholders, case .string(let s) = value, s.hasTemplateOpening else { return false }
        guard literalUnknownMacros else { return true }
        return s.contains("{{") || MacroTable.names(in: s).contains(where: MacroTable.agentMacros.contains)
    }

    /// Whether a value is, or holds, a deferred placeholder (walked only when forms disagree).
    private func holdsDeferred(_ node: Node) -> Bool {
        guard defersPlaceholders else { return false }
        switch node.value {
        case .string: return isDeferred(node.value)
        case .array(let items): return items.contains(where: holdsDeferred)
        case .object(let members): return members.contains { holdsDeferred($0.value) }
        default: return false
        }
    }

    /// The failures of `instance` against the schema at `root` (empty when it is valid).
    public func validate(_ instance: Node, against root: Int) -> [SchemaFailure] {
        path = []
        dynamicScope = []
        undecided = []
        stopped = nil
        if marks.count != set.nodes.count { marks = [Int32](repeating: 0, count: set.nodes.count) }
        stackFloor = ThreadStack.floor()
        steps = 0
        branchDepth = 0
        let (bytes, overflow) = (instance.range.end - instance.range.start).multipliedReportingOverflow(by: Self.stepsPerByte)
        stepBudget = overflow ? Int.max : maxSteps.addingReportingOverflow(bytes).overflow ? Int.max : maxSteps + bytes
        let failures = evaluate(root, instance).failures
        return stopped == nil ? failures : []
    }

    /// Whether `instance` passes: no failure, and evaluation did not stop undecided.
    public func isValid(_ instance: Node, against root: Int) -> Bool { validate(instance, against: root).isEmpty && stopped == nil }

    /// The outcome of one subschema on one instance: failures, and the annotations that
    /// `unevaluatedProperties`/`unevaluatedItems` need (only kept when valid).
    struct Evaluation {
        var failures: [SchemaFailure] = []
        var properties: Set<ScalarKey> = []
        var items = 0
        var allItems = false
        var containsItems: Set<Int> = []

        var valid: Bool { failures.isEmpty }

        mutating func absorb(_ other: Evaluation) {
            failures += other.failures
            absorbAnnotations(other)
        }

        mutating func absorbAnnotations(_ other: Evaluation) {
            guard other.valid else { return }
            properties.formUnion(other.properties)
            items = max(items, other.items)
            allItems = allItems || other.allItems
            containsItems.formUnion(other.containsItems)
        }
    }

    private func failure(_ keyword: String, _ message: String, _ schema: Int, _ instance: Node) -> SchemaFailure {
        SchemaFailure(keyword: keyword, message: message, pointer: JSONPointer(tokens: path), range: instance.range, schema: schema)
    }

    private func evaluate(_ index: Int, _ instance: Node) -> Evaluation {
        let node = set.nodes[index]
        var result = Evaluation()
        if let constant = node.constant {
            if !constant { result.failures.append(failure("false", "no value is allowed here", index, instance)) }
            return result
        }
        guard enter(index, instance) else { return result }
        defer { leave() }
        let entered = dynamicScope.last != node.resource
        if entered { dynamicScope.append(node.resource) }
        defer { if entered { dynamicScope.removeLast() } }

        if let ref = node.ref { result.absorb(evaluate(ref, instance)) }
        if let initial = node.dynamicRef {
            var target = initial
            if let name = node.dynamicAnchor {
                // The outermost resource in the dynamic scope that declares the anchor wins.
                for resource in dynamicScope {
                    if let found = set.resources[resource].dynamicAnchors[name] { target = found; break }
                }
            }
            result.absorb(evaluate(target, instance))
        }
        applicators(node, index, instance, &result)
        if node.validation { validation(node, index, instance, &result) }
        switch instance.value {
        case .object(let members): objectKeywords(node, index, instance, members, &result)
        case .array(let items): arrayKeywords(node, index, instance, items, &result)
        default: break
        }
        return result
    }

    // MARK: Cycles and depth

    /// Starts evaluating subschema `index`; false (and `stopped` set) when evaluation must not
    /// go on: it has stopped already, the subschema is under way at this value, or it would
    /// nest too deep.
    @inline(__always)
    private func enter(_ index: Int, _ instance: Node) -> Bool {
        guard stopped == nil else { return false }
        let mark = Int32(truncatingIfNeeded: path.count + 1)
        let previous = marks[index]
        if previous == mark {
            let start = chain.lastIndex { $0.node == Int32(index) } ?? chain.endIndex
            stopped = .cycle(nodes: chain[start...].map { Int($0.node) }, pointer: JSONPointer(tokens: path), range: instance.range)
            return false
        }
        if chain.count >= maxDepth || ThreadStack.address() < stackFloor {
            stopped = .tooDeep(node: index, pointer: JSONPointer(tokens: path), range: instance.range, depth: chain.count,
                               stack: chain.count < maxDepth)
            return false
        }
        steps += 1
        if steps > stepBudget {
            stopped = .tooCostly(node: index, pointer: JSONPointer(tokens: path), range: instance.range, steps: stepBudget)
            return false
        }
        chain.append((Int32(index), previous))
        marks[index] = mark
        return true
    }

    @inline(__always)
    private func leave() {
        let (node, previous) = chain.removeLast()
        marks[Int(node)] = previous
    }

    // MARK: In-place applicators

    private func applicators(_ node: SchemaNode, _ index: Int, _ instance: Node, _ result: inout Evaluation) {
        for sub in node.allOf { result.absorb(evaluate(sub, instance)) }
        if !node.anyOf.isEmpty {
            var branches: [(schema: Int, failures: [SchemaFailure])] = []
            var any = false
            branchDepth += 1
            for sub in node.anyOf {
                let e = evaluate(sub, instance)
                if e.valid { any = true; result.absorbAnnotations(e) }
                branches.append((sub, branchDepth > Self.branchDetail ? [] : e.failures))
            }
            branchDepth -= 1
            if !any {
                var f = failure("anyOf", "the value matches none of the allowed forms", index, instance)
                f.branches = branches
                result.failures.append(f)
            }
        }
        if !node.oneOf.isEmpty {
            var branches: [(schema: Int, failures: [SchemaFailure])] = []
            var passing: [Int] = []
            branchDepth += 1
            for (i, sub) in node.oneOf.enumerated() {
                let e = evaluate(sub, instance)
                if e.valid { passing.append(i); result.absorbAnnotations(e) }
                branches.append((sub, branchDepth > Self.branchDetail ? [] : e.failures))
            }
            branchDepth -= 1
            if passing.isEmpty {
                var f = failure("oneOf", "the value matches none of the allowed forms", index, instance)
                f.branches = branches
                result.failures.append(f)
            } else if passing.count > 1, !holdsDeferred(instance) {
                // A placeholder passes every form it may take; which one it takes is decided when filled.
                result.failures.append(failure("oneOf", "the value matches more than one of the exclusive forms (\(passing.map { String($0 + 1) }.joined(separator: ", ")))", index, instance))
            }
        }
        if let not = node.not {
            // The relaxations for partial documents pass what they cannot decide; under `not`
            // that would fail it, so a negated form is judged on the value as it is.
            let relaxed = (ignoresRequired, defersPlaceholders)
            (ignoresRequired, defersPlaceholders) = (false, false)
            let matched = evaluate(not, instance).valid
            (ignoresRequired, defersPlaceholders) = relaxed
            if matched { result.failures.append(failure("not", "the value matches a form that is not allowed", index, instance)) }
        }
        if let condition = node.ifSchema {
            // A condition picks a branch: a partial document's missing key must not pick one.
            let relaxed = ignoresRequired
            ignoresRequired = false
            let e = evaluate(condition, instance)
            ignoresRequired = relaxed
            if e.valid {
                result.absorbAnnotations(e)
                if let then = node.thenSchema { result.absorb(evaluate(then, instance)) }
            } else if let otherwise = node.elseSchema {
                result.absorb(evaluate(otherwise, instance))
            }
        }
    }

    // MARK: Validation vocabulary (any type)

    private func validation(_ node: SchemaNode, _ index: Int, _ instance: Node, _ result: inout Evaluation) {
        let value = instance.value
        // A whole-value {{placeholder}} takes its variable's type: nothing about it is known yet.
        if defersPlaceholders, case .string(let s) = value, TemplateVariables.placeholders(in: s).first?.isWholeValue == true { return }
        if let types = node.types, !Self.matches(value, types) {
            result.failures.append(failure("type", "expected \(types.description), found \(Self.describe(value))", index, instance))
        }
        if isDeferred(value) { return }
        if let options = node.enumValues, !(node.enumTable.map { $0.contains(HashedValue(value)) } ?? options.contains(value)) {
            let shown = options.prefix(8).map { CanonicalJSON.string(Node($0, range: .at(0)), indent: nil) }
            result.failures.append(failure("enum", "\(Self.show(value)) is not one of \(shown.joined(separator: ", "))\(options.count > 8 ? ", ..." : "")", index, instance))
        }
        if let constant = node.constValue, constant != value {
            result.failures.append(failure("const", "\(Self.show(value)) must be \(CanonicalJSON.string(Node(constant, range: .at(0)), indent: nil))", index, instance))
        }
        switch value {
        case .integer, .number:
            numeric(node, index, instance, &result)
        case .string(let s):
            if node.maxLength != nil || node.minLength != nil {
                let length = s.unicodeScalars.count
                if let max = node.maxLength, length > max {
                    result.failures.append(failure("maxLength", "\(Self.show(value)) is longer than \(max) characters", index, instance))
                }
                if let min = node.minLength, length < min {
                    result.failures.append(failure("minLength", "\(Self.show(value)) is shorter than \(min) character\(min == 1 ? "" : "s")", index, instance))
                }
            }
            // A pattern the set could not compile failed the schema when it was compiled; here it passes.
            if let pattern = node.pattern, let matcher = node.patternMatcher {
                // Generated schemas anchor patterns as ^(?:…)$; show the pattern as its source wrote it.
                let shown = pattern.hasPrefix("^(?:") && pattern.hasSuffix(")$") ? String(pattern.dropFirst(4).dropLast(2)) : pattern
                switch match(matcher, s) {
                case .noMatch: result.failures.append(failure("pattern", "\(Self.show(value)) does not match /\(shown)/", index, instance))
                case .tooCostly(let skipped): noteUndecided("pattern", pattern: shown, skipped: skipped, index, instance)
                case .match: break
                }
            }
        default:
            break
        }
    }

    private func numeric(_ node: SchemaNode, _ index: Int, _ instance: Node, _ result: inout Evaluation) {
        let value = instance.value
        if let max = node.maximum, Self.compare(value, max) > 0 {
            result.failures.append(failure("maximum", "\(Self.show(value)) is greater than the maximum \(Self.show(max))", index, instance))
        }
        if let max = node.exclusiveMaximum, Self.compare(value, max) >= 0 {
            result.failures.append(failure("exclusiveMaximum", "\(Self.show(value)) must be less than \(Self.show(max))", index, instance))
        }
        if let min = node.minimum, Self.compare(value, min) < 0 {
            result.failures.append(failure("minimum", "\(Self.show(value)) is less than the minimum \(Self.show(min))", index, instance))
        }
        if let min = node.exclusiveMinimum, Self.compare(value, min) <= 0 {
            result.failures.append(failure("exclusiveMinimum", "\(Self.show(value)) must be greater than \(Self.show(min))", index, instance))
        }
        if let divisor = node.multipleOf, !Self.isMultiple(value, of: divisor) {
            result.failures.append(failure("multipleOf", "\(Self.show(value)) is not a multiple of \(Self.show(divisor))", index, instance))
        }
    }

    // MARK: Objects

    private func objectKeywords(_ node: SchemaNode, _ index: Int, _ instance: Node, _ members: [Member], _ result: inout Evaluation) {
        if node.validation {
            for name in node.required where !ignoresRequired && !members.contains(key: name) {
                var f = failure("required", "missing required key '\(name)'", index, instance)
                f.key = name
                result.failures.append(f)
            }
            for (trigger, names) in node.dependentRequired {
                guard let member = members.first(key: trigger) else { continue }
                for name in names where !members.contains(key: name) {
                    var f = failure("dependentRequired", "'\(trigger)' needs '\(name)' beside it", index, instance)
                    f.key = name
                    f.range = member.keyRange
                    result.failures.append(f)
                }
            }
            if let max = node.maxProperties, members.count > max {
                result.failures.append(failure("maxProperties", "more than \(max) key\(max == 1 ? "" : "s")", index, instance))
            }
            if let min = node.minProperties, members.count < min {
                result.failures.append(failure("minProperties", "fewer than \(min) key\(min == 1 ? "" : "s")", index, instance))
            }
        }
        for (name, sub) in node.dependentSchemas where members.contains(key: name) {
            result.absorb(evaluate(sub, instance))
        }
        let hasObjectApplicators = !node.properties.isEmpty || !node.patternProperties.isEmpty
            || node.additionalProperties != nil || node.propertyNames != nil
        if hasObjectApplicators {
            for member in members {
                path.append(member.key)
                defer { path.removeLast() }
                var matched = false
                if let sub = node.propertyTable.map({ $0[ScalarKey(member.key)] }) ?? node.properties.first(where: { $0.0.hasSameScalars(as: member.key) })?.1 {
                    matched = true
                    result.absorbProperty(member.key, evaluate(sub, member.value), collect: set.collectsEvaluatedProperties)
                }
                for ((pattern, sub), matcher) in zip(node.patternProperties, node.patternPropertyMatchers)
                where patternPropertyApplies(matcher, pattern, member, index) {
                    matched = true
                    result.absorbProperty(member.key, evaluate(sub, member.value), collect: set.collectsEvaluatedProperties)
                }
                if !matched, let additional = node.additionalProperties {
                    let e = evaluate(additional, member.value)
                    if !e.valid, set.nodes[additional].constant == false {
                        var f = failure("additionalProperties", "unknown key '\(member.key)'", additional, member.value)
                        f.range = member.keyRange
                        f.schema = index
                        result.failures.append(f)
                    } else {
                        result.absorbProperty(member.key, e, collect: set.collectsEvaluatedProperties)
                    }
                }
                if let names = node.propertyNames {
                    let keyNode = Node(.string(member.key), range: member.keyRange)
                    let e = evaluate(names, keyNode)
                    if !e.valid {
                        result.failures.append(contentsOf: e.failures.map { f in
                            var f = f
                            f.message = "key '\(member.key)': " + f.message
                            return f
                        })
                    }
                }
            }
        }
        if let unevaluated = node.unevaluatedProperties {
            for member in members where !result.properties.contains(ScalarKey(member.key)) {
                path.append(member.key)
                defer { path.removeLast() }
                let e = evaluate(unevaluated, member.value)
                if !e.valid, set.nodes[unevaluated].constant == false {
                    var f = failure("unevaluatedProperties", "unknown key '\(member.key)'", index, member.value)
                    f.range = member.keyRange
                    result.failures.append(f)
                } else {
                    result.absorbProperty(member.key, e, collect: set.collectsEvaluatedProperties)
                }
            }
        }
    }

    /// Whether a `patternProperties` pattern takes a key (an undecided one does, and is noted).
    private func patternPropertyApplies(_ matcher: SchemaPattern?, _ pattern: String, _ member: Member, _ index: Int) -> Bool {
        guard let matcher else { return true }
        switch match(matcher, member.key) {
        case .match: return true
        case .noMatch: return false
        case .tooCostly(let skipped):
            noteUndecided("patternProperties", pattern: pattern, skipped: skipped, index, Node(.string(member.key), range: member.keyRange))
            return true
        }
    }

    private enum PatternOutcome {
        case match, noMatch
        /// Undecided; `skipped` when not run because it ran out of steps before.
        case tooCostly(skipped: Bool)
    }

    private func match(_ pattern: SchemaPattern, _ text: String) -> PatternOutcome {
        if exhausted.contains(ObjectIdentifier(pattern)) { return .tooCostly(skipped: true) }
        // A long value may take as many steps as it has characters, many times over.
        switch pattern.match(text, steps: patternSteps + 16 * text.utf8.count) {
        case .match: return .match
        case .noMatch: return .noMatch
        case .tooCostly:
            exhausted.insert(ObjectIdentifier(pattern))
            return .tooCostly(skipped: false)
        }
    }

    private func noteUndecided(_ keyword: String, pattern: String, skipped: Bool, _ index: Int, _ instance: Node) {
        let message = skipped
            ? "/\(pattern)/ was not run on \(Self.show(instance.value)): it ran out of steps on an earlier value; not decided, so it fails"
            : "/\(pattern)/ ran out of its step budget on \(Self.show(instance.value)); not decided, so it fails"
        undecided.append(failure(keyword, message, index, instance))
    }

    // MARK: Arrays

    private func arrayKeywords(_ node: SchemaNode, _ index: Int, _ instance: Node, _ items: [Node], _ result: inout Evaluation) {
        if node.validation {
            if let max = node.maxItems, items.count > max {
                result.failures.append(failure("maxItems", "more than \(max) item\(max == 1 ? "" : "s")", index, instance))
            }
            if let min = node.minItems, items.count < min {
                result.failures.append(failure("minItems", "fewer than \(min) item\(min == 1 ? "" : "s")", index, instance))
            }
            if node.uniqueItems, let (i, j) = Self.firstDuplicate(items) {
                path.append(String(j))
                var f = failure("uniqueItems", "item \(j) repeats item \(i); items must be unique", index, items[j])
                f.related = items[i].range
                result.failures.append(f)
                path.removeLast()
            }
        }
        for (i, sub) in node.prefixItems.enumerated() where i < items.count {
            path.append(String(i))
            result.failures += evaluate(sub, items[i]).failures
            path.removeLast()
        }
        if !node.prefixItems.isEmpty { result.items = max(result.items, min(node.prefixItems.count, items.count)) }
        if let sub = node.items {
            var allValid = true
            for i in node.prefixItems.count..<max(node.prefixItems.count, items.count) {
                path.append(String(i))
                let e = evaluate(sub, items[i])
                if !e.valid { allValid = false }
                result.failures += e.failures
                path.removeLast()
            }
            if allValid { result.allItems = true }
        }
        if let sub = node.contains {
            var matching: Set<Int> = []
            for (i, item) in items.enumerated() {
                path.append(String(i))
                if evaluate(sub, item).valid { matching.insert(i) }
                path.removeLast()
            }
            let minimum = node.validation ? (node.minContains ?? 1) : 1
            if matching.count < minimum {
                result.failures.append(failure(
                    "contains", minimum == 1 ? "no item matches the required form" : "fewer than \(minimum) items match the required form", index, instance))
            }
            if node.validation, let maximum = node.maxContains, matching.count > maximum {
                result.failures.append(failure("maxContains", "more than \(maximum) item\(maximum == 1 ? "" : "s") match", index, instance))
            }
            if result.failures.isEmpty { result.containsItems.formUnion(matching) }
        }
        if let unevaluated = node.unevaluatedItems, !result.allItems {
            var allValid = true
            for i in result.items..<max(result.items, items.count) where !result.containsItems.contains(i) {
                path.append(String(i))
                let e = evaluate(unevaluated, items[i])
                if !e.valid {
                    allValid = false
                    if set.nodes[unevaluated].constant == false {
                        result.failures.append(failure("unevaluatedItems", "unexpected item \(i)", index, items[i]))
                    } else {
                        result.failures += e.failures
                    }
                }
                path.removeLast()
            }
            if allValid { result.allItems = true }
        }
    }

    // MARK: Values

    static func matches(_ value: Value, _ types: TypeSet) -> Bool {
        switch value {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .string: return types.contains(.string)
        case .integer: return types.contains(.integer) || types.contains(.number)
        case .number(let d):
            // 1.0 is an integer (JSON Schema compares mathematical values).
            return types.contains(.number) || (types.contains(.integer) && d.isFinite && d == d.rounded())
        }
    }

    /// -1, 0 or 1; exact for two integers.
    static func compare(_ a: Value, _ b: Value) -> Int {
        if case .integer(let x) = a, case .integer(let y) = b { return x < y ? -1 : x > y ? 1 : 0 }
        let (x, y) = (a.doubleValue, b.doubleValue)
        return x < y ? -1 : x > y ? 1 : 0
    }

    static func isMultiple(_ value: Value, of divisor: Value) -> Bool {
        if case .integer(let x) = value, case .integer(let d) = divisor { return d == 0 || x % d == 0 }
        let q = value.doubleValue / divisor.doubleValue
        guard q.isFinite else { return false }
        // Decimal divisors (0.01) are not exact in binary; allow the rounding error of the division.
        return abs(q - q.rounded()) <= 1e-9 * max(1, abs(q))
    }

    /// The first item that repeats an earlier one, and that earlier one (by hash: linear).
    static func firstDuplicate(_ items: [Node]) -> (Int, Int)? {
        var seen: [HashedValue: Int] = [:]
        seen.reserveCapacity(items.count)
        for (j, item) in items.enumerated() {
            if let i = seen[HashedValue(item.value)] { return (i, j) }
            seen[HashedValue(item.value)] = j
        }
        return nil
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .integer: return "integer"
        case .number(let d): return d.isFinite && d == d.rounded() ? "integer" : "number"
        default: return value.typeName
        }
    }

    /// A value for a message: short, in JSON.
    static func show(_ value: Value) -> String {
        let text = CanonicalJSON.string(Node(value, range: .at(0)), indent: nil)
        return text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }
}

extension SchemaValidator.Evaluation {
    /// Takes a property's failures, and its name as evaluated when `collect` (the set has an
    /// `unevaluatedProperties` that may ask).
    mutating func absorbProperty(_ name: String, _ other: SchemaValidator.Evaluation, collect: Bool) {
        failures += other.failures
        if collect && other.valid { properties.insert(ScalarKey(name)) }
    }
}
