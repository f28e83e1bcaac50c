import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct AuditHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Print the log's size and root as SIZE:ROOT.",
        discussion: "Example:\n  buurtstem audit head --db wildeman.sqlite")
    @OptionGroup var database: DatabaseOptions
    func run() throws { print(try database.open().auditHead()) }
}
