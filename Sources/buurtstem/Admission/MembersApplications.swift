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
            say(pending ? "cliNoApplicationsWaiting" : "cliNoApplications")
            return
        }
        for a in applications {
            let decision: String
            let on = a.decidedOn.map { "\($0)" } ?? ""
            let by =
                a.decidedBy == .assembly
                ? Speech.text("cliByAssembly", ["assembly": a.assembly.map { "\($0)" } ?? ""]) : Speech.text("cliByBoard")
            switch a.state {
            case .pending: decision = Speech.text("cliApplicationWaiting")
            case .granted: decision = Speech.text("cliApplicationAdmitted", ["on": on, "by": by])
            case .refused: decision = Speech.text("cliApplicationRefused", ["on": on, "by": by, "reason": a.reason ?? ""])
            }
            let intake = a.intakeOn.map { Speech.text("cliIntake", ["on": "\($0)"]) } ?? ""
            say("cliApplicationLine", ["id": "\(a.id)", "resident": "\(a.resident)", "applied": "\(a.appliedOn)", "intake": intake, "decision": decision])
        }
    }
}
