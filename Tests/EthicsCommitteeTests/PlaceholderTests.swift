import Testing
import HummingbirdTesting
@testable import EthicsCommittee
@Test func placeholder() { #expect(1 == 1) }
