import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

struct MembersDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Record the decision on an application: admit, or refuse with the reason.",
        discussion: """
            The board decides, unless the statute gives admission to the general assembly: then name the open assembly.
            Examples:
              buurtstem members decide R000123 --admit --intake 2026-05-10 --meets-profile
              buurtstem members decide R000124 --refuse --reason "woont buiten Breda"
              buurtstem members decide R000125 --admit --assembly 3
              buurtstem members decide --from besluiten.csv
            A batch file has one decision a line: id;toelaten|weigeren[;reden[;intakedatum[;profiel ja|nee]]]. All or none are recorded.
            """)
    enum Decision: String, EnumerableFlag { case admit, refuse }
    @Argument(help: "The resident's id (or use --from).") var id: String?
    @Flag(help: "The decision.") var decision: Decision?
    @Option(help: "Why the application is refused (kept with the decision).") var reason: String?
    @Option(help: "The day of the intake interview, where the statute requires one.") var intake: CivilDate?
    @Flag(help: "The board confirms the applicant fits the statute's profile.") var meetsProfile = false
    @Option(help: "The number of the open assembly that decided (where the general assembly admits).") var assembly: AssemblyID?
    @Option(help: "The day the board decided (default: today).") var on: CivilDate?
    @Option(help: "A batch file of decisions.") var from: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let requests: [AppDatabase.AdmissionRequest]
        if let from {
            guard id == nil, decision == nil, reason == nil, intake == nil, !meetsProfile else {
                throw refusal("cliDecideFromFile")
            }
            do {
                requests = try AdmissionBatch.decisions(try SourceReader.read(from).text).map {
                    AppDatabase.AdmissionRequest(resident: $0.resident, verdict: $0.verdict)
                }
            } catch let problem as AdmissionBatch.Problem { throw ValidationError("\(from):\(problem)") }
        } else {
            guard let id, let decision else { throw refusal("cliDecideWho") }
            switch decision {
            case .admit:
                guard reason == nil else { throw refusal("cliReasonWithRefuse") }
                requests = [.init(resident: ResidentID(id), verdict: .grant(intakeOn: intake, meetsProfile: meetsProfile))]
            case .refuse:
                guard intake == nil, !meetsProfile else { throw refusal("cliIntakeWithAdmit") }
                guard let reason, !reason.isEmpty else { throw refusal("cliRefusalNeedsReason") }
                requests = [.init(resident: ResidentID(id), verdict: .refuse(reason: reason))]
            }
        }
        let decided = try refusing { try database.open().decide(requests, on: on, assembly: assembly) }
        for application in decided {
            switch application.state {
            case .granted: say("cliAdmitted", ["resident": "\(application.resident)", "on": application.decidedOn.map { "\($0)" } ?? ""])
            case .refused: say("cliRefusedApplication", ["resident": "\(application.resident)", "reason": application.reason ?? ""])
            case .pending: break
            }
        }
    }
}
