import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem assembly schedule|call|open|close|list|turnout|demand`
struct AssemblyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assembly",
        abstract: "Plan, call, open and close general assemblies, by the statute.",
        discussion: """
            Examples:
              buurtstem assembly schedule --date 2026-03-20 --place "LuCafé" --agenda statutenwijziging
              buurtstem assembly call 1 --on 2026-03-01
              buurtstem assembly open 1 --on 2026-03-20
              buurtstem assembly close 1
              buurtstem assembly schedule --date 2026-04-10 --place "LuCafé" --second-meeting-of 1
            """,
        subcommands: [Schedule.self, Call.self, Open.self, Close.self, List.self, Turnout.self, Demand.self])

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan an assembly (checks that it can still be called in time).")
        @Option(help: "The day of the assembly.") var date: CivilDate
        @Option(help: "Where.") var place: String
        @Option(help: "Kinds of decision on the agenda, comma-separated (an amendment may need longer notice).") var agenda: String = ""
        @Option(help: "Today (default: the system date).") var today: CivilDate?
        @Option(
            help: ArgumentHelp(
                "The assembly whose items failed for lack of quorum: this is their second meeting, which decides them without quorum.",
                valueName: "assembly")) var secondMeetingOf: AssemblyID?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let (assembly, advice) = try refusing {
                try db.scheduleAssembly(
                    date: date, place: place, agendaKinds: agenda.split(separator: ",").map(String.init), today: today ?? buurtstem.today(),
                    secondMeetingOf: secondMeetingOf)
            }
            say("cliAssemblyPlanned", ["id": "\(assembly.id)", "date": "\(assembly.date)", "place": assembly.place])
            if let first = assembly.secondMeetingOf {
                let carried = try db.proposals(assembly: assembly.id).filter { $0.carriedFrom != nil }
                say("cliSecondMeeting", ["first": "\(first)"])
                for p in carried {
                    say("cliCarriedProposal", ["id": "\(p.id)", "from": p.carriedFrom.map { "\($0)" } ?? "", "title": p.title, "kind": p.kind])
                }
            }
            for a in advice { say("cliAdviceIndented", ["advice": a.spoken]) }
        }
    }

    struct Call: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send the notice: checks the notice period and freezes the electorate.")
        @Argument(help: "The assembly's number (see `buurtstem assembly list`).") var id: AssemblyID
        @Option(help: "The day the notice goes out (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let (assembly, electorate) = try refusing { try database.open().callAssembly(id, on: on ?? today()) }
            say(
                "cliAssemblyCalled",
                [
                    "id": "\(id)", "calledOn": assembly.calledOn.map { "\($0)" } ?? "", "date": "\(assembly.date)", "count": String(electorate),
                    "reference": assembly.referenceDate.map { "\($0)" } ?? "",
                ])
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open the assembly on its day; shows the quorum.")
        @Argument(help: "The assembly's number (see `buurtstem assembly list`).") var id: AssemblyID
        @Option(help: "Today (default: the system date).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let quorum = try refusing { try database.open().openAssembly(id, on: on ?? today()) }
            say("cliAssemblyOpen", ["id": "\(id)", "quorum": describe(quorum)])
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the assembly; prints the audit head for the minutes.")
        @Argument(help: "The assembly's number (see `buurtstem assembly list`).") var id: AssemblyID
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let head = try refusing { try database.open().closeAssembly(id) }
            say("cliAssemblyClosed", ["id": "\(id)", "head": "\(head)"])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the assemblies.")
        @Option(help: "Today (default: the system date), for the advice on what is still to do.") var today: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let assemblies = try db.assemblies()
            for a in assemblies {
                let called = a.calledOn.map { Speech.text("cliCalledOn", ["calledOn": "\($0)", "reference": a.referenceDate.map { "\($0)" } ?? ""]) }
                print("\(a.id)  \(a.date)  \(Speech.text("cliAssemblyState-\(a.state.rawValue)").padding(12))  \(a.place)" + (called.map { "  \($0)" } ?? ""))
            }
            let day = today ?? buurtstem.today()
            let (statute, _) = try db.statute(on: day)
            for advice in AssemblyRules(statute: statute).yearAdvice(day.year, assemblies: assemblies, today: day) {
                say("cliAdvice", ["advice": advice.spoken])
            }
            for demand in try db.openDemands() {
                say("cliDemandAdvice", ["receivedOn": "\(demand.receivedOn)", "callBy": "\(demand.callBy)"])
            }
        }
    }

    struct Turnout: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attendance, quorum and the number of votes on each ballot (never what).")
        @Argument(help: "The assembly's number (see `buurtstem assembly list`).") var id: AssemblyID
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let turnout = try refusing { try database.open().turnout(assembly: id) }
            say(
                "cliTurnout",
                [
                    "present": String(turnout.present), "represented": String(turnout.represented), "electorate": String(turnout.electorate),
                    "quorum": describe(turnout.quorum),
                ])
            for ballot in turnout.ballots {
                say(
                    ballot.open ? "cliTurnoutBallotOpen" : "cliTurnoutBallotClosed",
                    ["id": "\(ballot.id)", "count": String(ballot.votes), "title": ballot.title])
            }
        }
    }

    struct Demand: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record members' demand for an assembly; prints the day to call it by.")
        @Option(help: "How many members signed.") var supporters: Int
        @Option(help: "The day it was received (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let demand = try refusing { try database.open().demandAssembly(supporters: supporters, on: on ?? today()) }
            say("cliDemandReceived", ["receivedOn": "\(demand.receivedOn)", "callBy": "\(demand.callBy)"])
        }
    }
}
