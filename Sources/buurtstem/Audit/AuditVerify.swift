import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute every hash and name the first entry that does not match.",
        discussion: """
            Exits with 0 when the log is intact, 1 when something does not match.

            Examples:
              buurtstem audit verify
              buurtstem audit verify --head 1042:3f0c…
            """)
    @Option(help: "A head recorded earlier (SIZE:ROOT) to check the log against.") var head: String?
    @Option(help: "A witness's file or folder of signed heads (from `audit witness`) to check the log against.") var witness: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var trusted: [AuditHead] = []
        if let head {
            guard let parsed = AuditHead(parsing: head) else { throw refusal("cliHeadFormat") }
            trusted.append(parsed)
        }
        let db = try database.open(foreignSchema: .report)
        var signatureProblems: [String] = []
        var witnessed: [SignedAuditHead] = []
        if let witness {
            witnessed = try WitnessFile.read(witness)
            signatureProblems = try db.verifyAudit(witnessed: witnessed).signatureProblems
            trusted += witnessed.map(\.head)
        }
        let result = try db.verifyAudit(trustedHeads: trusted)
        if result.isIntact && signatureProblems.isEmpty {
            var also = ""
            if let head = trusted.first, self.head != nil { also += Speech.text("cliMatchesTrusted", ["size": String(head.size)]) }
            if let last = witnessed.last {
                also += Speech.text(
                    "cliMatchesWitnessed", ["count": String(witnessed.count), "size": String(last.head.size), "at": "\(last.at)"])
            }
            say("cliIntact", ["count": String(result.entries), "head": "\(result.head)", "also": also])
            return
        }
        for problem in signatureProblems { print("- \(problem)") }
        if let first = result.problems.compactMap(\.seq).min() { say("cliFirstMismatch", ["seq": String(first)]) }
        for problem in result.problems.prefix(20) { print("- \(problem)") }
        if result.problems.count > 20 { say("cliAndMore", ["count": String(result.problems.count - 20)]) }
        throw ExitCode(1)
    }
}
