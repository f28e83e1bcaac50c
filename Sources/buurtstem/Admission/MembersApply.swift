import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem members apply|decide|applications`: the path to membership where the statute has
/// membership on request — application, decision by the board or the general assembly, membership.
struct MembersApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Record an application for membership (checked against the statute first).",
        discussion: """
            Examples:
              buurtstem members apply R000123 --on 2026-05-01 --intake 2026-05-10 --meets-profile
              buurtstem members apply --from aanvragen.csv
            A batch file has one application a line: id;aanvraagdatum[;intakedatum[;profiel ja|nee]]. All or none are recorded.
            """)
    @Argument(help: "The resident's id (or use --from).") var id: String?
    @Option(help: "The day of the application (default: today).") var on: CivilDate?
    @Option(help: "The day of the intake interview, where the statute requires one.") var intake: CivilDate?
    @Flag(help: "The board confirms the applicant fits the statute's profile.") var meetsProfile = false
    @Option(help: "A batch file of applications.") var from: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let requests: [AppDatabase.ApplicationRequest]
        if let from {
            guard id == nil, on == nil, intake == nil, !meetsProfile else {
                throw refusal("cliApplyFromFile")
            }
            do {
                requests = try AdmissionBatch.applications(try SourceReader.read(from).text).map {
                    AppDatabase.ApplicationRequest(resident: $0.resident, appliedOn: $0.appliedOn, intakeOn: $0.intakeOn, meetsProfile: $0.meetsProfile)
                }
            } catch let problem as AdmissionBatch.Problem { throw ValidationError("\(from):\(problem)") }
        } else {
            guard let id else { throw refusal("cliApplyWho") }
            requests = [AppDatabase.ApplicationRequest(resident: ResidentID(id), appliedOn: on ?? today(), intakeOn: intake, meetsProfile: meetsProfile)]
        }
        let recorded = try refusing { try database.open().apply(requests) }
        for application in recorded {
            say("cliApplied", ["id": "\(application.id)", "resident": "\(application.resident)", "on": "\(application.appliedOn)"])
        }
    }
}
