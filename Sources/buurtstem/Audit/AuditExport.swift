import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct AuditExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log as JSON lines, one entry each, as canonical JSON (what its leaf commits to: docs/register-and-audit.md).",
        discussion: "Example:\n  buurtstem audit export > audit.jsonl")
    @OptionGroup var database: DatabaseOptions
    func run() throws { try database.open().exportAudit { print($0) } }
}
