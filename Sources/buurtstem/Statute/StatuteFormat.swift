public import ArgumentParser
import Foundation
public import Statuut

/// `buurtstem statute fmt FILE [--write] [--lang nl|en]`
struct StatuteFormat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a statute in its canonical form, or rewrite the file.",
        discussion: """
            The canonical form indents two spaces per level, puts one blank line between articles,
            spells every keyword the canonical way and keeps comments and the articles' text.
            With --lang en the keywords are printed in English (the text stays as written).
            A file with errors is not formatted: fix what `statute check` reports first.

            Examples:
              buurtstem statute fmt Statutes/wildemanbuurt.statuut
              buurtstem statute fmt Statutes/wildemanbuurt.statuut --write
              buurtstem statute fmt Statutes/devrijeuitloop.statuut --lang en
              buurtstem statute fmt Statutes/soesterkwartier.statuut --check
            """
    )

    @Argument(help: "The statute file.")
    var file: String

    @Flag(help: "Rewrite the file in place instead of printing.")
    var write = false

    @Flag(help: "Print nothing; exit with 1 when the file is not in canonical form.")
    var check = false

    @Option(help: "Language of the keywords: nl or en (default: the statute's own).")
    var lang: Language?

    func run() throws {
        let source = try SourceReader.read(file)
        let result = StatuteCompiler.compile(source)
        if result.hasErrors {
            printError(DiagnosticRenderer(file: source).render(result.diagnostics))
            printError("\(file): not formatted because it has errors")
            throw ExitCode(1)
        }
        let formatted = StatuteFormatter(language: lang).format(result.syntax)
        if check {
            if formatted != source.text {
                printError("\(file): not in canonical form (run `buurtstem statute fmt \(file) --write`)")
                throw ExitCode(1)
            }
            return
        }
        if write {
            do {
                try formatted.write(toFile: file, atomically: true, encoding: .utf8)
            } catch {
                throw refusal("cliCannotWriteBecause", ["path": file, "error": error.localizedDescription])
            }
        } else {
            print(formatted, terminator: "")
        }
    }
}

extension Language: ExpressibleByArgument {}
