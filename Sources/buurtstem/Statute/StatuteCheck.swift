import ArgumentParser
import Statuut

/// `buurtstem statute check FILE…`
struct StatuteCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every error and warning in one or more statutes.",
        discussion: """
            Prints each problem as file:line:col with the line, a caret and a hint. Exits with 1
            when any file has an error; warnings alone exit with 0.

            Examples:
              buurtstem statute check Statutes/wildemanbuurt.statuut
              buurtstem statute check Statutes/*.statuut
            """
    )

    @Argument(help: "Statute files to check.")
    var files: [String]

    @Flag(help: "Print nothing for files without problems.")
    var quiet = false

    func run() throws {
        var failed = false
        for path in files {
            let file = try SourceReader.read(path)
            let result = StatuteCompiler.compile(file)
            let renderer = DiagnosticRenderer(file: file)
            if !result.diagnostics.isEmpty {
                printError(renderer.render(result.diagnostics))
            }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.count - errors
            if errors > 0 { failed = true }
            if errors > 0 || warnings > 0 || !quiet {
                let verdict = errors > 0 ? "not valid" : "valid"
                print("\(path): \(verdict) (\(plural(errors, "error")), \(plural(warnings, "warning")))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}

func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
