package dev.threeam.classify;

import static dev.threeam.classify.FailureType.QUALITY_DRIFT;

import java.util.List;

/** quality_drift: the model's output got worse (evals, judges, sampled review, unsafe or malformed output). */
final class QualityRules {

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("eval-metric", QUALITY_DRIFT, 1.0, "\\b(?:faithful\\w*|unfaithful\\w*|groundedness|ungrounded"
                    + "|hallucinat\\w*|answer (?:relevan\\w*|correctness|quality|similarity)|(?<!context |chunk |chunks |passage |passages |document |documents |doc |docs |retrieval |search |source |sources )relevance|correctness"
                    + "|helpfulness|coherence|fluency|conciseness|accuracy|bleu|rouge\\w*|bert ?score|exact match"
                    + "|f1 score|f1|win rate|pass ?@ ?\\d+|comet|chrf|ter score|factual (?:consistency|accuracy)"
                    + "|factuality)\\b"),
            SignalRule.of("unsafe-output", QUALITY_DRIFT, 1.0, "\\b(?:toxic\\w*|insult\\w*|profan\\w*|offensive"
                    + "|hate speech|(?:harmful|unsafe|biased) (?:output|content|response|answer|completion)s?)\\b"),
            SignalRule.of("over-refusal", QUALITY_DRIFT, 1.0, "\\b(?:over ?refus\\w*|false refus\\w*"
                    + "|(?:unnecessary|excessive|too many|wrongly|wrong) refus\\w*|refus\\w* (?:benign|legitimate|valid|normal|safe)"
                    + "|refus\\w* (?:(?:are|is|rate) )?(?:up|increas\\w*|ris\\w*|spik\\w*|jump\\w*|high|higher|doubled))\\b"),
            SignalRule.of("output-format", QUALITY_DRIFT, 0.8, "\\b(?:(?:invalid|malformed|unparseable|unparsable"
                    + "|not valid|broken) (?:json|output|structured output|responses?|markdown|yaml)"
                    + "|structured output (?:errors?|failures?)"
                    + "|output pars\\w* (?:errors?|failures?)|format (?:errors?|violations?))\\b"),
            SignalRule.of("bad-answers", QUALITY_DRIFT, 0.9, "\\b(?:ignor\\w* (?:the )?(?:retrieved |provided |given "
                    + "|supplied )?(?:context|sources?|documents?|passages?|instructions?|system prompt)"
                    + "|contradict\\w* (?:the )?(?:retrieved )?(?:sources?|context|documents?|passages?)|made up"
                    + "|fabricat\\w*|invent\\w* (?:facts?|citations?|policies|answers?|numbers?|quotes?|clauses?|apis?"
                    + "|functions?|details)|(?:wrong|incorrect|inaccurate|nonsensical|garbled) (?:answers?|outputs?"
                    + "|summar(?:y|ies)|translations?|responses?|completions?|suggestions?)|factual\\w* (?:errors?|wrong)"
                    + "|truncat\\w* (?:answers?|outputs?|responses?|summar(?:y|ies)|translations?)"
                    + "|(?:wrong|mixed) language|language (?:mismatch|switch\\w*)|(?:switch\\w*|revert\\w*|drift\\w*) (?:in)?to (?:english"
                    + "|another language|a different language)|repetit\\w* (?:outputs?|answers?|loops?)"
                    + "|(?:cites?|cited|citing|quotes?|quoted|references?|referenced) (?:\\S+ ){0,5}?(?:that|which) "
                    + "(?:do|does|did) not exist|non ?existent (?:sections?|citations?|sources?|clauses?|policies|documents?"
                    + "|apis?|functions?|packages?|endpoints?|products?|cases?)|(?:do|does|did) not exist in (?:the )?"
                    + "(?:retrieved|provided|source|cited)|omissions?|(?:summar(?:y|ies)|answers?|outputs?|responses?"
                    + "|translations?|replies|drafts?) (?:\\S+ ){0,2}?omit\\w*|incomplete (?:answers?|summar(?:y|ies)"
                    + "|outputs?|responses?|translations?|drafts?)"
                    + "|(?:answers?|outputs?|responses?|summar(?:y|ies)|replies|completions?|translations?|drafts?|emails?)"
                    + " (?:are |were |got |became |too |now )*(?:too (?:long|short|verbose|terse|wordy)|verbose|rambling|wordy)"
                    + "|(?:answer|output|response|summary|reply|completion) length"
                    + "|(?:drops?|dropped|dropping|loses|lost|inverts?|inverted|flips?|flipped) (?:the )?negations?"
                    + "|mistranslat\\w*|meaning (?:inverted|reversed|changed|lost)|sound\\w* robotic"
                    + "|(?:template|unfilled|unrendered|leftover|literal|raw) (?:\\S+ )?(?:placeholders?|variables?|tags?|markup)"
                    + "|placeholders? (?:left|leak\\w*|shown|in (?:the )?outputs?)"
                    + "|ignor\\w* (?:the )?(?:requested |required |expected |specified )?(?:bullet |output |response )?(?:format"
                    + "|formatting|style|length|structure|template|tone)"
                    + "|gibberish|empty (?:answers?|completions?|outputs?|summar(?:y|ies)|translations?)"
                    + "|(?:answers?|outputs?|responses?|summar(?:y|ies)|translations?) (?:got |are |became |have become )"
                    + "(?:worse|wrong|vague\\w*|generic|shorter|useless))\\b"),
            SignalRule.of("judge", QUALITY_DRIFT, 0.8, "\\b(?:llm (?:as (?:a )?)?judge|judge (?:model|score)s?|evals?"
                    + "|evaluat\\w*|quality score|(?:negative|user|bad|poor) feedback|feedback (?:scores?|ratings?|rate|drop\\w*"
                    + "|down)|thumbs down|user ratings?|csat|golden set"
                    + "|(?:output|response|answer|model|summary|translation|code|suggestion) quality"
                    + "|(?:quality|output|model|score|eval) drift|acceptance rate|judges? (?:flag\\w*|reject\\w*|scor\\w*|rat\\w*"
                    + "|mark\\w*|fail\\w*)|(?:brand voice|tone|style|readability|voice) (?:scores?|adherence|consistency)|sampled review|review (?:score|rating)s?"
                    + "|reviewers? (?:flagged|rejected|downgraded)|edit rate|regenerat\\w* rate)\\b"));

    private QualityRules() {}
}
