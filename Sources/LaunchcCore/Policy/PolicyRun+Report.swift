extension PolicyRun {
    // MARK: the report

    func report() -> PolicyReport {
        var principals: [Principal] = []
        for draft in [awsAgent] + executionRoles + [gcpAgent] + vertexJobs + [azureAgent] {
            if draft.statements.statements.isEmpty && draft.grants.grants.isEmpty && draft.listings.isEmpty { continue }
            principals.append(draft.principal)
        }
        return PolicyReport(principals: principals, diagnostics: DiagnosticCollector.sorted(diagnostics))
    }
}
