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

@Suite struct AgentRuleTests {
    @Test(arguments: [
        ("123456789012.dkr.ecr.us-east-1.amazonaws.com/launch", AgentRules.Registry.ecr(region: "us-east-1", repository: "launch", tag: nil)),
        ("https://123456789012.dkr.ecr.us-east-1.amazonaws.com/team/launch:v1", .ecr(region: "us-east-1", repository: "team/launch", tag: "v1")),
        ("us-central1-docker.pkg.dev/proj/repo/image", .artifactRegistry(region: "us-central1", image: "image", tag: nil)),
        ("US-CENTRAL1-DOCKER.PKG.DEV/proj/repo", .artifactRegistry(region: "US-CENTRAL1", image: nil, tag: nil)),
        ("us-central1-docker.pkg.dev/proj/repo/image:latest", .artifactRegistry(region: "us-central1", image: "image", tag: ":latest")),
        ("mlplatform.azurecr.io/launch", .azure(repository: "launch", tag: nil)),
        // The agent's ACR pattern takes anything after the first path segment as a tag.
        ("mlplatform.azurecr.io/team/launch", .azure(repository: "team", tag: "/launch")),
        ("ml-platform.azurecr.io/launch", .unrecognized),
        ("123456789012.ecr.us-east-1.amazonaws.com/launch", .unrecognized),
        ("docker.io/library/python", .unrecognized),
    ])
    func registryURIsAreReadAsTheAgentReadsThem(_ uri: String, _ expected: AgentRules.Registry) {
        #expect(AgentRules.classify(uri) == expected)
    }

    @Test func ecrARNsBecomeURIs() {
        #expect(AgentRules.ecrARN("arn:aws:ecr:us-east-1:123456789012:repository/team/launch") == "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/launch")
        #expect(AgentRules.ecrARN("arn:aws:iam::123456789012:role/x") == nil)
        #expect(AgentRules.ecrARN("arn:aws:ecr:us-east-1:123456789012:repository/") == nil)
    }
}
