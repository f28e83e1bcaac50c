import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem minutes ASSEMBLY [--format md|html] [--lang nl|en]`
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "The minutes of an assembly, to sign and archive (Markdown or print-ready HTML).",
        discussion: "Example:\n  buurtstem minutes 1 --format html --lang nl > notulen-2026-03-20.html")
    enum Format: String, ExpressibleByArgument { case md, html }
    @Argument(help: "The assembly's number (see `buurtstem assembly list`).") var assembly: AssemblyID
    @Option(help: "md or html.") var format: Format = .md
    @Option(help: "nl or en.") var lang: String = "nl"
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is nl or en") }
        let minutes = try refusing { try database.open().minutes(assembly: assembly) }
        print(format == .md ? minutes.markdown(in: language) : minutes.html(in: language), terminator: "")
    }
}
