package io.kbguide.engine;

/**
 * Verifies an article and compiles it into a look-up table. Fails fast, naming the file and the rule, when:
 * an id is repeated or unknown; a citation's quote is not verbatim in its section; an article statement has
 * no citation; version bands leave a gap; a finding or plan table has no rule, or two rules, for some
 * combination of facts; a rule, a value, a step or a question can never be reached; a step could be advised
 * outside its safety guard, for any combination of known and unknown facts.
 */
public final class ArticleCompiler {

    /** Verifies and compiles one article: the static checks, then the exhaustive evaluation. */
    public CompiledArticle compile(Article article) {
        ArticleShape shape = ArticleShape.of(article);
        new ArticleVerifier(shape).verify();
        return new TableBuilder(shape).build();
    }
}
