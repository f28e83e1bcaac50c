import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

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
