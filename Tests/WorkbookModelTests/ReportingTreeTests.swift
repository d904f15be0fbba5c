import Testing
import WorkbookModel

/// The reporting tree shows everyone exactly once, whatever the data: cycles, removed managers, merges.
@Suite struct ReportingTreeTests {
    func person(_ id: String, _ name: String, reportsTo: String? = nil, influences: [String] = []) -> Person {
        Person(id: EntityID(id), name: name, reportsTo: reportsTo.map(EntityID.init), influences: influences.map(EntityID.init))
    }

    func names(_ rows: [(person: Person, depth: Int)]) -> [String] { rows.map { String(repeating: ".", count: $0.depth) + $0.person.name } }

    @Test func aDeepChain() {
        let chain = (0..<3000).map { person("p\($0)", "N\($0)", reportsTo: $0 == 0 ? nil : "p\($0 - 1)") }
        let rows = ReportingTree.preorder(chain.reversed())
        #expect(rows.map(\.depth) == Array(0..<3000), "no recursion limit on a long chain")
        #expect(ReportingTree.roots(chain).map(\.name) == ["N0"])
        #expect(ReportingTree.parent(of: EntityID("p2"), in: chain)?.name == "N1")
    }

    @Test func aWideLevelInNameOrder() {
        let people = [person("1", "Ceo"), person("2", "Vp", reportsTo: "1"), person("3", "Dir", reportsTo: "2"),
                      person("4", "Bea", reportsTo: "1"), person("5", "Al", reportsTo: "1"), person("6", "Al", reportsTo: "1")]
        #expect(names(ReportingTree.preorder(people)) == ["Ceo", ".Al", ".Al", ".Bea", ".Vp", "..Dir"])
        #expect(ReportingTree.children(of: EntityID("1"), in: people).map(\.id.rawValue) == ["5", "6", "4", "2"], "same name: by id")
        #expect(ReportingTree.children(of: EntityID("3"), in: people).isEmpty)
    }

    @Test func aReportingCycleIsBrokenAtTheFirstByName() {
        let people = [person("b", "Bo", reportsTo: "a"), person("a", "Anna", reportsTo: "b")]
        #expect(names(ReportingTree.preorder(people)) == ["Anna", ".Bo"])
        #expect(ReportingTree.roots(people).map(\.name) == ["Anna"])
        #expect(ReportingTree.children(of: EntityID("b"), in: people).isEmpty, "moving down from Bo does not lead around the loop")
        #expect(ReportingTree.parent(of: EntityID("a"), in: people) == nil)
        #expect(ReportingTree.parent(of: EntityID("b"), in: people)?.name == "Anna")
    }

    @Test func peopleUnderACycleStayUnderIt() {
        // Cy and Al report into a three-person loop; whatever the array order, the loop breaks at Bo.
        let people = [person("d", "Di", reportsTo: "c"), person("c", "Cy", reportsTo: "b"), person("b", "Bo", reportsTo: "d"),
                      person("a", "Al", reportsTo: "c"), person("e", "Ed", reportsTo: "a")]
        let expected = ["Bo", ".Cy", "..Al", "...Ed", "..Di"]
        #expect(names(ReportingTree.preorder(people)) == expected)
        #expect(names(ReportingTree.preorder(people.reversed())) == expected)
        #expect(ReportingTree.roots(people).map(\.name) == ["Bo"])
    }

    @Test func reportingToOneselfIsNoManager() {
        let people = [person("a", "Ann", reportsTo: "a"), person("b", "Ben", reportsTo: "a")]
        #expect(names(ReportingTree.preorder(people)) == ["Ann", ".Ben"])
    }

    @Test func influenceCyclesDoNotMatter() {
        let people = [person("1", "Ceo", influences: ["2"]), person("2", "Vp", reportsTo: "1", influences: ["3"]),
                      person("3", "Dir", reportsTo: "2", influences: ["1"])]
        #expect(names(ReportingTree.preorder(people)) == ["Ceo", ".Vp", "..Dir"])
    }

    @Test func aPersonWhoseManagerWasDeletedBecomesARoot() {
        let people = [person("1", "Ceo"), person("2", "Vp", reportsTo: "gone"), person("3", "Dir", reportsTo: "2")]
        #expect(ReportingTree.roots(people).map(\.name) == ["Ceo", "Vp"])
        #expect(names(ReportingTree.preorder(people)) == ["Ceo", "Vp", ".Dir"])
        #expect(ReportingTree.parent(of: EntityID("2"), in: people) == nil)
    }

    @Test func everyoneOnceEvenWithADuplicateIDInMemory() {
        let people = [person("1", "Ceo"), person("1", "Ceo again"), person("2", "Vp", reportsTo: "1")]
        #expect(names(ReportingTree.preorder(people)) == ["Ceo", ".Vp"])
        #expect(ReportingTree.preorder([]).isEmpty && ReportingTree.roots([]).isEmpty)
    }

    @Test func unicodeNamesOrderIgnoringCaseAccentsAndWidth() {
        let people = [person("1", "東京"), person("2", "Zoë"), person("3", "émile"), person("4", "Emil"), person("5", "Ｂｏ"),
                      person("6", "anna"), person("7", "Ärger")]
        #expect(ReportingTree.sortedByName(people).map(\.name) == ["anna", "Ärger", "Ｂｏ", "Emil", "émile", "Zoë", "東京"])
        #expect(ReportingTree.roots(people.reversed()).map(\.name) == ["anna", "Ärger", "Ｂｏ", "Emil", "émile", "Zoë", "東京"])
    }
}
