import ArgumentParser
import BuurtstemStore
import Foundation

/// `buurtstem staff add|password|disable|list`: accounts for the board and desk pages.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Board and desk accounts for the web pages (passwords kept as Argon2id hashes).",
        discussion: """
            The password is asked for on the terminal (not shown), or read from the first line of
            standard input when that is not a terminal:
              buurtstem staff add fatima --role board
              printf '%s\\n' "$PASSWORD" | buurtstem staff add balie1 --role desk
            """,
        subcommands: [Add.self, Password.self, Disable.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @Argument(help: "The account name (letters, digits, '.', '-', '_').") var name: String
        @Option(help: "board (runs assemblies, may use the desk) or desk (check-in only).") var role: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            guard let role = StaffAccount.Role(rawValue: role) else { throw refusal("cliRole", ["role": role]) }
            let password = try readPassword(for: name)
            try refusing { try database.open().addStaff(name: name, role: role, password: password) }
            say("cliAccountCreated", ["name": name, "role": role.rawValue])
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password (also enables a disabled account).")
        @Argument(help: "The account name.") var name: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let password = try readPassword(for: name)
            try refusing { try database.open().setStaffPassword(name: name, password: password) }
            say("cliPasswordSet", ["name": name])
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account; its sessions end at their next request.")
        @Argument(help: "The account name.") var name: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            try refusing { try database.open().disableStaff(name: name) }
            say("cliAccountDisabled", ["name": name])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            for account in try database.open().staffAccounts() {
                print("\(account.name.padding(20)) \(account.role.rawValue.padding(6)) since \(account.createdAt)\(account.disabled ? "  (disabled)" : "")")
            }
        }
    }
}

/// Asks for a password twice on a terminal (without echo), or reads one line from standard input.
private func readPassword(for name: String) throws -> String {
    guard isatty(STDIN_FILENO) == 1 else {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw refusal("cliNoPasswordInput") }
        return line
    }
    guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }),
        let second = getpass("Again: ").map({ String(cString: $0) })
    else { throw refusal("cliNoPassword") }
    guard first == second else { throw refusal("cliPasswordsDiffer") }
    return first
}
