import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct MembersApplications: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "applications", abstract: "List applications for membership and their decisions.")
    @Flag(help: "Only those still waiting for a decision.") var pending = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let applications = try database.open().applications(pendingOnly: pending)
        if applications.isEmpty {
            print(pending ? "No applications waiting." : "No applications.")
            return
        }
        for a in applications {
            let decision: String
            switch a.state {
            case .pending: decision = "waiting"
            case .granted:
                decision =
                    "admitted on \(a.decidedOn!) by the \(a.decidedBy == .assembly ? "general assembly (\(a.assembly.map { "assembly \($0)" } ?? ""))" : "board")"
            case .refused: decision = "refused on \(a.decidedOn!) by the \(a.decidedBy == .assembly ? "general assembly" : "board"): \(a.reason ?? "")"
            }
            print("\(a.id)  \(a.resident)  applied \(a.appliedOn)\(a.intakeOn.map { ", intake \($0)" } ?? "")  \(decision)")
        }
    }
}
