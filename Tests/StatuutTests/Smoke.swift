import Testing
import Statuut
@Test func smoke() { #expect(StatuteCompiler.compile("").hasErrors) }
