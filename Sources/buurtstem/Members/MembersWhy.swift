import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

struct MembersWhy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Explain why a resident is or is not a member on a date, citing the statute.",
        discussion: "Example:\n  buurtstem members why R000123 --on 2026-10-01 --lang en")
    @Argument(help: "The resident's id.") var id: String
    @Option(help: "The date (default: today).") var on: CivilDate?
    @Option(help: "nl or en.") var lang: Language = .nl
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let date = on ?? today()
        guard let resident = try db.resident(ResidentID(id)) else { throw refusal("cliNoResident", ["id": id]) }
        let (statute, version) = try db.statute(on: date)
        let events = try db.membershipEvents()[resident.id] ?? []
        let verdict = MembershipRules(statute: statute).verdict(for: resident, on: date, events: events)
        let nl = lang == .nl
        print(
            verdict.isMember
                ? (nl ? "\(id) is lid op \(date)." : "\(id) is a member on \(date).")
                : (nl ? "\(id) is geen lid op \(date)." : "\(id) is not a member on \(date)."))
        print(
            nl
                ? "Statuut: \(statute.name), versie \(version.id) (geldig vanaf \(version.validFrom))"
                : "Statute: \(statute.name), version \(version.id) (in force from \(version.validFrom))")
        for check in verdict.checks {
            print("  \(check.holds ? "✓" : "✗") \(check.text(in: lang))")
            print("      \(check.source.cited(in: lang))")
        }
    }
}
