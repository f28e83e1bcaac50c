import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem board appoint|reappoint|leave|list`: who sits on the board, checked against the
/// statute's size, term and party seats (the compliance report judges them).
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Who sits on the board: appointments, reappointments and departures, by the statute.",
        discussion: """
            Examples:
              buurtstem board appoint "Fatima Amrani" --on 2026-03-20
              buurtstem board appoint "Jan de Wit" --for "Gemeente Breda" --on 2026-06-01
              buurtstem board reappoint "Fatima Amrani" --on 2028-03-20
              buurtstem board leave "Jan de Wit" --on 2027-01-01
              buurtstem board list --on 2026-12-31
            """,
        subcommands: [Appoint.self, Reappoint.self, Leave.self, List.self])

    struct Appoint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an appointment (refused where the statute does not allow it).")
        @Argument(help: "The board member's name.") var name: String
        @Option(name: .customLong("for"), help: "The party whose board seat this is (`bestuurszetel voor …`).") var party: String?
        @Option(help: "The first day on the board (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let member = try refusing { try database.open().appointBoardMember(name: name, seatFor: party, on: on ?? today()) }
            if let seat = member.seatFor {
                say("cliBoardAppointedSeat", ["name": member.name, "on": "\(member.appointedOn)", "seat": seat])
            } else {
                say("cliBoardAppointed", ["name": member.name, "on": "\(member.appointedOn)"])
            }
        }
    }

    struct Reappoint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a sitting member's new term.")
        @Argument(help: "The board member's name.") var name: String
        @Option(help: "The first day of the new term (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let member = try refusing { try database.open().reappointBoardMember(name: name, on: on ?? today()) }
            say("cliBoardReappointed", ["name": member.name, "on": "\(member.appointedOn)"])
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a member leaves the board.")
        @Argument(help: "The board member's name.") var name: String
        @Option(help: "The first day no longer on the board (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            try refusing { try database.open().boardMemberLeaves(name: name, on: on ?? today()) }
            say("cliBoardLeft", ["name": name, "on": "\(on ?? today())"])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The board on a day, with each member's term.")
        @Option(help: "The day (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let day = on ?? today()
            let (statute, _) = try db.statute(on: day)
            let rules = BoardRules(statute: statute)
            let sitting = try db.boardMembers().filter { $0.sits(on: day) }
            if sitting.isEmpty { say("cliBoardEmpty", ["on": "\(day)"]) }
            for member in sitting {
                print(
                    Speech.text("cliBoardMember", ["name": member.name, "on": "\(member.appointedOn)"])
                        + (rules.termEnds(for: member).map { Speech.text("cliBoardTerm", ["until": "\($0)"]) } ?? "")
                        + (member.seatFor.map { Speech.text("cliBoardSeat", ["seat": $0]) } ?? ""))
            }
        }
    }
}
