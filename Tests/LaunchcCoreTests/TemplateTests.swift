import Testing
@testable import LaunchcCore

@Suite struct TemplateTests {
    @Test func placeholders() {
        #expect(TemplateVariables.placeholders(in: "{{count}}") == [.init(name: "count", isWholeValue: true)])
        #expect(TemplateVariables.placeholders(in: " {{ count }} ") == [.init(name: "count", isWholeValue: true)])
        #expect(TemplateVariables.placeholders(in: "ml.{{family}}.{{size}}") == [
            .init(name: "family", isWholeValue: false), .init(name: "size", isWholeValue: false)])
        #expect(TemplateVariables.placeholders(in: "{{}} {{a b}} {{x") == [])
        #expect(TemplateVariables.placeholders(in: "${run_id}") == [])
    }

    @Test func fillingKeepsTypesForWholeValuesAndTextElsewhere() throws {
        let config = try #require(parseYAML("count: '{{n}}'\nname: run-{{n}}-{{lr}}\nkeep: '{{missing}}'\nlist: ['{{lr}}']\n").root)
        let values = ["n": Node(.integer(4), range: .at(99)), "lr": Node(.number(0.001), range: .at(99))]
        let filled = TemplateVariables.fill(config, with: values)
        #expect(CanonicalJSON.string(filled, indent: nil) == #"{"count":4,"name":"run-4-0.001","keep":"{{missing}}","list":[0.001]}"#)
        // A filled value keeps the placeholder's position, so findings point at it.
        #expect(filled["count"]?.range == config["count"]?.range)
    }

    @Test func valuesAreNeverScannedAgain() throws {
        let config = try #require(parseYAML("a: '{{x}}'\n").root)
        let filled = TemplateVariables.fill(config, with: ["x": Node(.string("{{y}}"), range: .at(0)), "y": Node(.string("no"), range: .at(0))])
        #expect(filled["a"]?.value == .string("{{y}}"))
    }

    @Test func declaredVariables() throws {
        let queue = try #require(parseYAML("""
            template_variables:
              gpus: {schema: {type: integer, default: 1, minimum: 1, maximum: 8, enum: [1, 2, 4, 8]}}
              zone: {description: where, schema: {type: string}}
            config: {}
            """).root)
        let templates = TemplateVariables(queue: queue)
        #expect(templates.variables.map(\.name) == ["gpus", "zone"])
        #expect(templates.variable("gpus")?.options.count == 4)
        #expect(templates.variable("zone")?.defaultValue == nil)
    }
}
