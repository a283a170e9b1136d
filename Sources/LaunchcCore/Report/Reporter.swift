/// Turns a run's findings into text. Each reporter is a pure function of the report and its
/// options, so each is golden-tested on its own.
public protocol Reporter {
    func render(_ report: RunReport) -> String
}

/// How a reporter may style its output.
public struct ReportStyle: Sendable {
    /// ANSI colour escapes (only on a terminal, unless asked for).
    public var color: Bool
    /// Only findings that fail the run, and no summary line.
    public var quiet: Bool

    public init(color: Bool = false, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }
}

extension RunReport {
    /// The findings a reporter shows: all of them, or with `quiet` only those that fail.
    func shown(_ style: ReportStyle) -> [Diagnostic] {
        style.quiet ? failures : diagnostics
    }
}

/// Converters are built once per file and only for files with findings.
struct ConverterCache {
    private var converters: [ObjectIdentifier: SourceLocationConverter] = [:]

    mutating func converter(for file: SourceFile) -> SourceLocationConverter {
        if let converter = converters[ObjectIdentifier(file)] { return converter }
        let converter = SourceLocationConverter(file: file)
        converters[ObjectIdentifier(file)] = converter
        return converter
    }
}
