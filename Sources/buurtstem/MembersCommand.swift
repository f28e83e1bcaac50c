import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem members …`
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Who is a member on a date, and why; applications, admission, join and leave (opt-in statutes).",
        subcommands: [
            MembersCount.self, MembersList.self, MembersWhy.self, MembersApply.self, MembersDecide.self, MembersApplications.self,
            MembersJoin.self, MembersLeave.self,
        ]
    )
}

struct MembersCount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count the members on a date.",
        discussion: "Example:\n  buurtstem members count --on 2026-10-01 --db wildeman.sqlite")
    @Option(help: "The date (default: today).") var on: CivilDate?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let date = on ?? today()
        let (members, statute) = try database.open().members(on: date)
        print("\(members.count) members of \(statute.name) on \(date)")
    }
}

struct MembersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the members on a date.",
        discussion: "Examples:\n  buurtstem members list --on 2026-10-01\n  buurtstem members list --format json > leden.json")
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }
    @Option(help: "The date (default: today).") var on: CivilDate?
    @Option(help: "csv or json.") var format: Format = .csv
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let date = on ?? today()
        let (members, _) = try database.open().members(on: date)
        switch format {
        case .csv:
            print("id;postcode;huisnummer;toevoeging;naam")
            for member in members {
                let address = member.address
                print(
                    "\(csvField(member.id.rawValue));\(address.postcode);\(address.houseNumber);\(csvField(address.addition ?? ""));\(csvField(member.name ?? ""))"
                )
            }
        case .json:
            let items: [JSONValue] = members.map { member in
                let address = member.address
                return .object([
                    "id": .string(member.id.rawValue), "postcode": .string(address.postcode.description),
                    "houseNumber": .int(address.houseNumber), "addition": address.addition.map(JSONValue.string) ?? .null,
                    "name": member.name.map(JSONValue.string) ?? .null,
                ])
            }
            print(JSONValue.object(["date": .string(date.description), "count": .int(items.count), "members": .array(items)]).encoded())
        }
    }
}

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
        guard let resident = try db.resident(ResidentID(id)) else { throw ValidationError("no resident with id \(id) in the register") }
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

struct MembersJoin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Record an application and the board's admission in one step (opt-in statutes where the board admits).",
        discussion:
            "Examples:\n  buurtstem members join R000123 --on 2026-10-01\n  buurtstem members join R000123 --on 2026-10-01 --intake 2026-09-20 --meets-profile")
    @Argument(help: "The resident's id.") var id: String
    @Option(help: "The date of the request (default: today).") var on: CivilDate?
    @Option(help: "The date of the intake interview, where the statute requires one.") var intake: CivilDate?
    @Flag(help: "The board confirms the member fits the statute's profile.") var meetsProfile = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let event = try refusing { try db.join(ResidentID(id), on: on ?? today(), intakeOn: intake, meetsProfile: meetsProfile) }
        print("\(id) is a member from \(event.effectiveOn).")
    }
}

struct MembersLeave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave", abstract: "Record a member's resignation; it takes effect as the statute says.",
        discussion: "Example:\n  buurtstem members leave R000123 --on 2026-10-01")
    @Argument(help: "The resident's id.") var id: String
    @Option(help: "The date the resignation is given (default: today).") var on: CivilDate?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let event = try refusing { try db.leave(ResidentID(id), on: on ?? today()) }
        print("\(id) resigned on \(event.requestedOn); no longer a member from \(event.effectiveOn).")
    }
}
