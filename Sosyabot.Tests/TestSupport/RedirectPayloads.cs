namespace Sosyabot.Tests.TestSupport;

// Return addresses that must never be followed: each would leave the site in a browser, or used to
// answer 500 because it cannot be written into a Location header.
public static class RedirectPayloads
{
    public static TheoryData<string> All => new()
    {
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\v/evil.example",
        "/\\evil.example",
        "/\\/evil.example",
        "\\\\evil.example",
        "//evil.example",
        "///evil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/%5C%5Cevil.example",
        "/\u2215\u2215evil.example",
        "/\uFF0F\uFF0Fevil.example",
        "\uFF0F\uFF0Fevil.example",
        "/\uFF3Cevil.example",
        "/\u3000/evil.example",
        "/\u00A0/evil.example",
        "/\u200B/evil.example",
        "/\u2028/evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://evil.example/steal",
        "http:evil.example",
        "HTTPS://evil.example",
    };
}
