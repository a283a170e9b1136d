@testable import LaunchcCore
import Testing

/// "Did you mean": words before edit distance, so the GPU meant is the one named.
@Suite struct SuggestionTests {
    static let accelerators = Suggestions(["NVIDIA_TESLA_K80", "NVIDIA_TESLA_T4", "NVIDIA_L4", "NVIDIA_TESLA_V100", "NVIDIA_A100_80GB", "TPU_V4_POD"])

    @Test func wordsWinOverEditDistance() {
        #expect(Self.accelerators.nearest("NVIDIA_T4") == "NVIDIA_TESLA_T4")
        #expect(Self.accelerators.nearest("nvidia-t4") == "NVIDIA_TESLA_T4")
        #expect(Suggestions(["ml.p3.2xlarge", "ml.p3.8xlarge", "ml.g5.xlarge"]).nearest("p3.2xlarge") == "ml.p3.2xlarge")
    }

    @Test func ambiguousWordsFallBackToDistance() {
        // Both TESLA cards hold "nvidia" and "tesla": no word match; edit distance decides.
        #expect(Self.accelerators.containing("NVIDIA_TESLA") == nil)
        #expect(Self.accelerators.nearest("NVIDIA_TESLA") == "NVIDIA_TESLA_T4")
        #expect(Self.accelerators.nearest("NVIDIA_L44") == "NVIDIA_L4")
        // One word is not enough to prefer a longer candidate.
        #expect(Self.accelerators.nearest("T4") == nil)
    }

    /// Ties are no single suggestion, but can be offered together; nothing beyond the limit.
    @Test func tiesAreListedNotGuessed() {
        let regions = Suggestions(["us-east-1", "us-west-1", "eu-west-1", "us-east-2"])
        #expect(regions.nearest("us-est-1") == nil)
        #expect(regions.closest("us-est-1") == ["us-east-1", "us-west-1"])
        #expect(regions.closest("eu-wst-1") == ["eu-west-1"])
        #expect(Suggestions(["scheduling", "template"]).closest("schedule") == [])
    }
}
