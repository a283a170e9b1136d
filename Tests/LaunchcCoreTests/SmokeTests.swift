import Testing
@testable import LaunchcCore

@Test func smoke() { #expect(Bool(true)) }
