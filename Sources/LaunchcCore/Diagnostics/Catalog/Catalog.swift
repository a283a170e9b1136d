/// A stable diagnostic code and what `launchc explain` says about it.
///
/// Codes are `LC` and four digits, grouped by area: `LC10xx` reading the input, `LC11xx`
/// values (YAML and JSON alike), `LC12xx` YAML, `LC13xx` JSON, `LC14xx` what a document is,
/// `LC15xx` suppressions and the project config (`.launchc.yaml`), `LC16xx` secrets, `LC20xx` schema findings, `LC31xx` the agent config, `LC32xx` launch specs, `LC33xx`
/// SageMaker, `LC34xx` Vertex AI, `LC35xx` Kubernetes, `LC37xx` local-container and local-process, `LC36xx`
/// template variables and macros, `LC40xx` what `launchc policy` cannot pin. A code, once published, keeps its meaning; retired
/// codes are not reused.
public struct DiagnosticID: Sendable, Hashable {
    public let code: String
    /// A short kebab-case name, used in SARIF and JSON output.
    public let name: String
    public let severity: Severity
    /// One line: what the finding means.
    public let summary: String
    /// A paragraph: why it matters and how to fix it.
    public let explanation: String
    /// An input that has the problem, and the same input fixed.
    public let bad: String
    public let good: String
    /// Whether text output shows the source line; not for files that are not text.
    public internal(set) var showsExcerpt = true

    public static func == (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension DiagnosticID {
    /// Every code launchc can report, in code order.
    public static let all: [DiagnosticID] = [
        emptyFile, unreadableFile, binaryFile, invalidUTF8, unsupportedEncoding, fileTooLarge,
        duplicateKey, integerOutOfRange, numberOutOfRange, nestingTooDeep, scalarTooLong, bidiControl, placeholderValue,
        yamlSyntax, yamlTabIndentation, yamlUnknownTag, yamlTagMismatch, yamlNonStringKey,
        yamlUndefinedAlias, yamlRecursiveAlias, yamlInvalidMerge, yaml11Ambiguity, yamlAliasExpansion,
        yamlNonFiniteNumber, yamlTooManyDocuments,
        jsonSyntax, jsonComment, jsonTrailingComma, jsonNonFiniteNumber, jsonSingleQuotes, jsonTrailingContent,
        classifyAmbiguous, classifyNoResource, classifyModeline, classifyUnknown,
        suppressionWithoutReason, suppressionUnused, suppressionMalformed, configUnknownCode, configUnmatchedGlob,
        plaintextSecret,
        usageError, outputUnwritable, unsuitableInput, noInputs, jobRefused,
        schemaType, schemaRequired, schemaUnknownKey, schemaValue, schemaRange, schemaString, schemaArray,
        schemaObject, schemaNoForm, schemaForbidden, schemaInvalid, schemaPatternTooCostly, schemaCycle, schemaTooDeep, schemaTooCostly,
        agentIgnoredRegistryKey, agentIgnoredBuilderKey, agentLegacyQueue, agentEnvironmentRegion, agentKanikoContext,
        agentIgnoredEnvironmentKey, registryTag, registryIncomplete, registryUnrecognized, registryARN, registryRegion,
        registryKeyRefused, registryBlockInvalid, registryWithoutType, builderWithoutType, kanikoWithoutDestination,
        awsRegionUnknown, gcpRegionUnknown,
        specIgnoredKey, specResourceArgsDropped, specJobSource, specProcessImage,
        sageMakerSnakeOutput, sageMakerSnakeJobName, sageMakerLowercaseKey, sageMakerRequired, sageMakerMacro, sageMakerImage, sageMakerSpotWait,
        vertexRequired, vertexIgnored, vertexContainerSpec, vertexCommand, vertexCamelCase, vertexExperimentAndTensorboard, vertexMachineUnknown, vertexAccelerator,
        kubernetesRefused, kubernetesLeak, kubernetesContext, kubernetesAPIVersion, kubernetesContainerImage,
        dockerRawFlag, dockerUnsupportedFlag, dockerFlagValue, localProcessIgnored, dockerFlagInjection,
        templateUndeclared, templateUnused, templateValue,
        templateMissingValue, templateSetType, templateOutOfBounds, templateSetUndeclared,
        macroUnknown, macroInKey, macroNone, macroSinglePass, macroLowercased, macroAPIKey,
        policyUnpinned, policyUnknownScope, policyUnrecognized,
    ]

    public static func lookup(_ code: String) -> DiagnosticID? {
        let wanted = code.uppercased()
        return all.first { $0.code == wanted || $0.name == code.lowercased() }
    }
}
