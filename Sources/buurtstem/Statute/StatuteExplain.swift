import ArgumentParser
import Statuut

/// `buurtstem statute explain FILE [--lang nl|en] [--format text|json]`
struct StatuteExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain every rule in force, with its article or the legal default.",
        discussion: """
            Lists every effective rule of the statute in plain language: what the statute says,
            and where it is silent, the default of Dutch association law (Burgerlijk Wetboek
            Boek 2) that applies, with its citation. The JSON form (schema buurtstem.explain/1)
            is stable and documented in docs/statute-language.md.

            Examples:
              buurtstem statute explain Statutes/wildemanbuurt.statuut
              buurtstem statute explain Statutes/wildemanbuurt.statuut --lang en
              buurtstem statute explain Statutes/devrijeuitloop.statuut --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The statute file.")
    var file: String

    @Option(help: "Language of the explanation: nl or en.")
    var lang: Language = .nl

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let source = try SourceReader.read(file)
        let result = StatuteCompiler.compile(source)
        if !result.diagnostics.isEmpty {
            printError(DiagnosticRenderer(file: source).render(result.diagnostics))
        }
        guard let statute = result.statute else {
            printError("\(file): cannot explain a statute with errors")
            throw ExitCode(1)
        }
        let explanation = Explainer.explain(statute, in: lang)
        print(format == .json ? explanation.json() : explanation.text(), terminator: "")
    }
}
