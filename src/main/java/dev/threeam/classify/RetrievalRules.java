package dev.threeam.classify;

import static dev.threeam.classify.FailureType.RETRIEVAL_FAILURE;

import java.util.List;
import java.util.Set;

/**
 * retrieval_failure: answers from weak, stale, missing or wrong sources. The failure is in what the model was
 * given to read, also when a search answers fast and fine but finds nothing ("zero results", {@code hits=0}, a tool
 * answering 200 with nothing), when what was put in the context does not match the request ("priors in context
 * match the exam"), when documents come from another property or product ("docs from other properties"; another
 * person's documents are a policy matter), when the index is stale or half built, when a permission filter hides
 * the sources, or when a tool carried the search.
 */
final class RetrievalRules {

    /** The rules that say what the model was given to read went wrong (not just that retrieval is involved). */
    static final Set<String> CONTENT = Set.of("empty-context", "empty-results", "stale-index", "partial-index",
            "hidden-sources", "wrong-sources");

    private static final String DOCS = "(?:documents?|docs|sources?|passages?|chunks?|articles?|pages?|snippets?"
            + "|contexts?|polic(?:y|ies)(?: versions?)?|kb articles?|manuals?|faqs?|price (?:lists?|books?)|runbooks?"
            + "|handbooks?|spaces?|folders?|collections?|sections?|sites?|wikis?|drives?|versions? of (?:the )?\\S+"
            + "|catalog(?:ue)?s?|(?:rate|price|fee|tariff|premium|pricing) (?:tables?|sheets?|cards?))";

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("recall", RETRIEVAL_FAILURE, 1.0, "\\b(?:recall|precision|hit ?rate|ndcg|mrr|map)"
                    + "(?: ?@ ?| at ?)(?:\\d+|k)\\b|\\b(?:ndcg|mrr)\\b|\\b(?:context|chunks?|passages?|documents?|docs?|retrieval|search|sources?) (?:relevan\\w*|precision|recall"
                    + "|utili[sz]ation|sufficiency|coverage|completeness)\\b|\\bcontext (?:match\\w*|fit)\\b"
                    + "|\\bin (?:the )?(?:retrieved )?context (?:match\\w*|fits?|belongs?)\\b"
                    + "|\\b(?:catalog(?:ue)?|bulletin|handbook|manual|polic(?:y|ies)|sources?|documents?|docs?|context)"
                    + " (?:edition|version|year) (?:match\\w*|mismatch\\w*)\\b"
                    + "|\\b(?:passages?|sources?|documents?|docs?|chunks?|pages?|(?:playbook|handbook|manual|policy|kb|wiki|guide"
                    + "|catalog(?:ue)?) sections?) (?:found|match(?:es|ed|ing)?|retrieved)\\b"
                    + "|(?<!answer |answers |response |responses |output |outputs |reply |replies |summary |summaries |completion "
                    + "|completions |generation |translation |translations )\\brelevan(?:ce|cy)\\b"),
            SignalRule.of("recall-word", RETRIEVAL_FAILURE, 0.8, "\\b(?:(?<!item |items |entity |entities |field |fields "
                    + "|slot |slots |intent |intents |extraction |point |points |fact |facts |task |tasks )recall|retrieval (?:quality|score|coverage)"
                    + "|(?<!cache )hit rate|source coverage)\\b"),
            SignalRule.of("citation", RETRIEVAL_FAILURE, 1.0, "\\b(?:citations?|uncited|unsupported by (?:the )?sources)\\b"),
            SignalRule.of("empty-context", RETRIEVAL_FAILURE, 1.0, "\\b(?:empty|no|zero|0|missing) (?:retrieved )?"
                    + "(?:context|contexts|chunks?|snippets?|passages?|documents?|docs|sources)\\b"
                    + "|\\bempty (?:retrieval|search results?)\\b"),
            SignalRule.of("empty-results", RETRIEVAL_FAILURE, 1.0, "\\b(?:zero|0|no|empty) (?:search |retrieval )?"
                    + "(?:results?|hits?|matches|result sets?)\\b|\\b(?:returns?|returned|returning|finds?|found|finding"
                    + "|yields?|yielded|gets?|got|comes? back with|came back with|retrieves?|retrieved) (?:\\S+ )?(?:nothing"
                    + "|no (?:results?|hits?|matches|documents?|docs|passages?|chunks?|sources?|data|attributes|facts|records"
                    + "|information|content|specs|details)|(?:zero|0) (?:results?|hits?"
                    + "|documents?|docs|passages?|chunks?|sources?|matches|rows)|(?:an )?empty (?:results?|lists?|arrays?"
                    + "|sets?|hits|contexts?))\\b|\\bnothing (?:relevant )?(?:found|retrieved|returned)\\b"
                    + "|\\b(?<!cache )(?:results?|hits|matches|documents|docs|passages|chunks|sources|records)(?: count| total"
                    + "| found| returned)? (?:\\| )?(?:0|zero)(?![ ]?\\d|%)\\b"),
            SignalRule.of("stale-index", RETRIEVAL_FAILURE, 1.0, "\\b(?:index|indexes|indices|embeddings?|corpus"
                    + "|knowledge base|kb|docs?|help ?center|wiki|confluence|share ?point|notion|catalog|google drive|connector)"
                    + "(?: \\S+){0,3}? (?:stale\\w*|fresh\\w*|out of date|outdated|behind|sync\\w*|refresh\\w*|stall\\w*|stuck"
                    + "|archived|mismatch\\w*|not updated|rebuild\\w*|reindex\\w*|ingest\\w*|lag\\w*|last updated)\\b"
                    + "|\\b(?:snapshot|context|source data|data source|feed|catalog|export|crm data|knowledge|documents?"
                    + "|content|records?)(?: \\S+){0,2}? (?:is |are |was |were )?(?:stale\\w*|out of date|outdated"
                    + "|\\d+ ?(?:d|h|days?|hours?|weeks?) old|not refreshed|not updated)\\b"
                    + "|\\b(?:snapshot|sync|ingest\\w*|crawl\\w*|refresh|export|index\\w*) last success\\b"
                    + "|\\blast (?:indexed|synced|synchroni[sz]ed|refreshed|crawled|updated|ingested|embedded|rebuilt|re ?indexed)"
                    + " \\d+ ?(?:d|h|days?|hours?|weeks?|w) ago\\b"
                    + "|\\b(?:index|catalog(?:ue)? index|feed|corpus|kb|knowledge base|embeddings?|snapshot) age\\b"
                    + "|\\b(?:has|have|hasn t|haven t) not (?:been )?(?:synced|synchroni[sz]ed|indexed|refreshed|crawled|updated"
                    + "|ingested|loaded|imported|embedded|re ?indexed)"
                    + " (?:since|for|in)\\b"
                    + "|\\b(?:stale|outdated|archived|wrong|old|previous)(?: \\S+){0,2}? (?:index|indexes|indices"
                    + "|embeddings)\\b|\\breindex\\w*\\b"
                    + "|\\b(?:alias|pointer)(?: \\S+){0,3}? (?:swap|switch|flip|cutover|repoint\\w*|promotion)(?: \\S+)? (?:failed|failing"
                    + "|aborted|stuck|rolled back|did not (?:run|happen|complete|finish)|never (?:ran|happened|completed))\\b"
                    + "|\\b(?:index|alias|pointer)(?: \\S+){0,3}? still (?:points?|pointing|pointed|resolves?|serves?|serving)"
                    + " (?:at |to )?(?:the )?(?:old|previous|stale|outdated|last|former)\\b"),
            SignalRule.of("partial-index", RETRIEVAL_FAILURE, 1.0, "\\b(?:partial\\w*|half|incomplete\\w*|half built"
                    + "|partially (?:built|indexed|loaded|synced|ingested|written)|truncated|empty|missing) (?:\\S+ )?"
                    + "(?:index|indexes|indices|shards?|segments?|collections?|embeddings?|vectors?|corpus)\\b"
                    + "|\\b(?:index|indexing|ingest\\w*|embedding|sync|crawl\\w*|reindex\\w*|backfill) (?:job |run "
                    + "|pipeline |build |rebuild |refresh )?(?:failed|failing|stuck|aborted|incomplete|partial\\w*"
                    + "|timed out|did not (?:finish|complete)|never (?:finished|completed)|half (?:done|finished))\\b"
                    + "|\\bnot (?:yet )?(?:indexed|embedded|ingested|synced|searchable)\\b"
                    + "|\\b(?:documents?|docs|pages?|chunks?|vectors?|articles?|files?) (?:are |were )?(?:missing"
                    + "|dropped|not (?:found|indexed|searchable)) (?:from|in) (?:the )?(?:index|corpus|search|kb)\\b"
                    + "|\\b(?:retrieved |the )?context (?:is |was |gets |got )?(?:truncated|cut|clipped)\\b|\\btruncated (?:retrieved )?"
                    + "(?:context|passages?|chunks?|documents?)\\b|\\bcuts? (?:off )?(?:every |each |the |most )?(?:retrieved )?"
                    + "(?:passages?|chunks?|documents?|snippets?)\\b"
                    + "|\\bmissing from (?:the )?(?:index|corpus|search|kb|knowledge base|vector store|catalog index)\\b"
                    + "|\\b(?:doc(?:ument)?|vector|chunk|index|embedding) counts? (?:drops?|dropped|dropping|falls?|fell|halved"
                    + "|down|low|zero|shrank|shrunk|shrinks?)\\b"
                    + "|\\b(?:build|index|snapshot|collection|corpus)(?: \\S+){0,3}? \\d+ ?% (?:smaller|fewer documents)\\b"
                    + "|\\b(?:went live|is live|live|serving|searchable|indexed|embedded|loaded|swapped|promoted|switched"
                    + "|published|cut over) with (?:only )?\\d+(?: \\d{3})*"
                    + " (?:of|/) \\d+(?: \\d{3})* (?:documents?|docs|chunks?|vectors?|pages?|files?|articles?|records?)\\b"
                    + "|\\bonly (?:sees|searches|finds|reads|retrieves|has access to|can see|can search) (?:about |around |roughly )?"
                    + "\\d+(?: \\d+)? ?% of (?:the |its |our |their )?(?:\\S+ ){0,2}?" + DOCS + "\\b"),
            SignalRule.of("hidden-sources", RETRIEVAL_FAILURE, 1.0, "\\b(?:permissions?|acls?|access|visibility|security"
                    + "|tenant|metadata|rbac|entitlements?|group|scope|date|language|region) (?:filters?|trimming|checks?"
                    + "|scoping)(?: \\S+){0,6}? (?:hid\\w*|hides|exclud\\w*|drop\\w*|filter\\w*|remov\\w*|block\\w*"
                    + "|only (?:passes|passed|lets through|let through|keeps|kept|allows|allowed|admits|returns|returned|shows|showed)"
                    + "|strip\\w*|too strict|too narrow|all|every|nothing|empty|zero)\\b|\\bfiltered out (?:all|every"
                    + "|most|nearly all|\\d+ ?%?)\\b|\\b(?:all|every|most|nearly all) (?:of the )?(?:retrieved |candidate )?"
                    + "(?:sources?|documents?|docs|results?|chunks?|passages?|hits) (?:were |are |got |being )?"
                    + "(?:filtered|hidden|excluded|dropped|removed)\\b|\\b(?:sources?|documents?|docs|results?|chunks?"
                    + "|passages?) (?:are |were )?(?:hidden|invisible|not visible)\\b|\\b(?:hides?|hid|hiding) (?:\\S+ ){0,3}?"
                    + "(?:sources?|documents?|docs|results|passages|chunks|articles|pages)\\b"
                    + "|\\b(?:document|row|field) level (?:security|permissions?|acls?)\\b(?: \\S+){0,3}? (?:hid\\w*|hides"
                    + "|exclud\\w*|drop\\w*|filter\\w*|remov\\w*|block\\w*)\\b"),
            SignalRule.of("wrong-sources", RETRIEVAL_FAILURE, 1.0, "\\b(?:wrong|irrelevant|unrelated|off topic"
                    + "|outdated|stale|old|archived|superseded|deprecated|expired|withdrawn|retired|obsolete|previous|discontinued"
                    + "|last year s|duplicate) (?:\\S+ ){0,2}?" + DOCS + "\\b|\\b(?:irrelevant|unrelated|off topic) (?:search "
                    + "|retrieval )?(?:results|hits)\\b|\\b(?:spam|seo spam|junk|low quality|content farm) (?:\\S+ )?(?:pages?"
                    + "|sources?|results?|sites?|documents?|articles?)\\b|\\bcontext (?:window )?(?:is |was )?"
                    + "(?:filled|stuffed|full|flooded|polluted|crowded|dominated) (?:with|by)\\b|\\bcit\\w* (?:the |an? )?"
                    + "(?:archived|outdated|old|superseded|wrong|deprecated|previous|expired|withdrawn|irrelevant)\\b"
                    + "|\\b(?:same|generic) (?:\\S+ ){0,2}?(?:articles?|documents?|docs|results|passages|chunks|hits|pages)"
                    + " (?:for|on|to) (?:every|each|all|any|most) (?:quer(?:y|ies)|questions?|requests?|users?)\\b"
                    + "|\\b(?:articles?|documents?|docs|results|passages|chunks|pages|sources?|snippets?|hits) (?:\\S+ ){0,4}?"
                    + "(?:are |were |is |was )?(?:for|from|about|of) (?:the |an? )?(?:(?:old|previous|wrong|outdated|retired"
                    + "|discontinued|legacy|archived|superseded|unrelated) \\S+|(?:other|another|different) (?!" + PolicyRules.PEOPLE
                    + "(?:s|es)?\\b)\\S+)"
                    + "|\\b(?:retriever|search|retrieval|lookup|index|rag) (?:\\S+ )?(?:returns?|returned|returning|serves?|served"
                    + "|gives?|gave|brings? back|brought back) (?:\\S+ ){0,2}?(?:wrong|previous|old|outdated|stale|irrelevant|unrelated"
                    + "|last \\S+ s)\\b|\\bcit\\w* (?:\\S+ ){1,2}?(?:from|of|for) (?:the |an? )?(?:wrong|previous|old|outdated|archived"
                    + "|superseded|expired)\\b"
                    + "|\\b(?:retrieves?|retrieved|retrieving|pulls?|pulled|pulling|surfac\\w*|ranks?|ranked|fetch\\w*)"
                    + " (?:\\S+ ){0,2}?(?:wrong|irrelevant|unrelated|outdated|stale|old|archived|superseded|deprecated)\\b"),
            SignalRule.of("retriever", RETRIEVAL_FAILURE, 0.9, "\\b(?:retriev\\w*|rag|semantic search"
                    + "|hybrid search|knowledge base|search index|grounding)\\b").naming(),
            SignalRule.of("embedding", RETRIEVAL_FAILURE, 0.9, "\\bembed(?:s|ding|dings|der|ders)?\\b").naming(),
            SignalRule.of("vector-store", RETRIEVAL_FAILURE, 0.9, "\\b(?:vector ?(?:store|db|database|index|search)"
                    + "|pgvector|pinecone|weaviate|qdrant|milvus|chroma(?:db)?|faiss|lancedb|vespa|turbopuffer"
                    + "|elastic ?search|open ?search)\\b").naming(),
            SignalRule.of("chunks", RETRIEVAL_FAILURE, 0.8, "\\b(?:chunk\\w*|re ?rank\\w*|top ?k)\\b").naming());

    private RetrievalRules() {}
}
