// Scores the extractor (src/extract/) against two hand-annotated corpora:
// tests/extraction/ (the dev corpus, used while fixing the extractor) and
// tests/extraction-heldout/ (held out: never used to tune it). Every NAME.txt
// or NAME.md there has a NAME.expect.toml that lists the count and
// responsibility claims, and the cause claims, a careful reader finds in it.
// The test prints precision and recall per document and overall for each
// corpus, lists every false positive and false negative with its quote, and
// fails when a figure drops below the floor recorded here. See
// docs/extraction-quality.md.
#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/extract.hpp>
#include <contra/hash.hpp>
#include <contra/rule_set.hpp>
#include <contra/source.hpp>
#include <contra/text.hpp>
#include <contra/value.hpp>

#include "extract/cause.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The floors: what the extractor achieved on each corpus when it was last
// measured (see docs/extraction-quality.md), rounded down. Raise them when it
// improves; never set them above what it actually achieves.
struct Floors {
    double precision = 0;
    double recall = 0;
};

// Dev corpus, count and responsibility claims. Measured at c1b6a84: 42 of 64
// extracted claims right (0.656), 42 of 69 expected claims found (0.609).
// Measured after the issue 3 follow-up: 68 of 69 extracted claims right
// (0.986), 68 of 69 expected claims found (0.986). The held-out fixes
// (speaker labels, introduced lists, parts of a toll, hospital verbs, more
// agents) moved twelve held-out documents here and added three new ones:
// 120 of 127 extracted claims right (0.945), 120 of 131 found (0.916).
// The unlisted-agent fix (issue 3, second round) moved seven held-out
// documents here, with their misses of other kinds, and added one new one:
// 155 of 183 right (0.847), 155 of 186 found (0.833). The titled-label fix
// moved one more and added one: 161 of 193 right (0.834), 161 of 200 found
// (0.805). "both" as a figure of two moved four more and added one: 182 of
// 223 right (0.816), 182 of 231 found (0.788). The third round of fixes
// (speakers, one person without a figure, the speaker as agent, restated
// figures: docs/extraction-quality.md) gave 191 of 228 right (0.838), 191 of
// 231 found (0.827) on those documents, and moved seventeen held-out
// documents here: 263 of 325 right (0.809), 263 of 347 found (0.758). The
// fourth round gave 268 of 331 right (0.810), 268 of 347 found (0.772) on
// those, and moved thirteen more: 320 of 408 right (0.784), 320 of 438
// found (0.731). The fifth round (years, parts of an earlier count, bold
// leads of a factbox's items, round-ups) gave 322 of 392 right (0.821), 322
// of 438 found (0.735) on those, and moved twenty-four more: 447 of 576
// right (0.776), 447 of 664 found (0.673). The sixth round moved two more:
// 465 of 603 right (0.771), 465 of 694 found (0.670). The seventh round
// (possessive speakers, source tables, the month March) gave 466 of 601
// right (0.775), 466 of 694 found (0.671) on those, and moved four more: 504
// of 655 right (0.769), 504 of 747 found (0.675). The eighth round's one
// fix moved one more: 514 of 668 right (0.769), 514 of 760 found (0.676).
// The ninth round (verbs, speaker words, interviews' answers) gave 515 of
// 668 right (0.771), 515 of 760 found (0.678) on those, and moved twelve
// more: 604 of 789 right (0.766), 604 of 895 found (0.675). The tenth
// round's one fix moved one more: 614 of 802 right (0.766), 614 of 913 found
// (0.673). The eleventh round's one fix moved one more: 629 of 824 right
// (0.763), 629 of 931 found (0.676). The twelfth round (a described name,
// ", which says", a colon after the subject, a chat log's sender) gave 634
// of 825 right (0.768), 634 of 931 found (0.681) on those, and moved three
// more: 659 of 865 right (0.762), 659 of 971 found (0.679). The thirteenth
// round (read off the eleventh batch) gave 668 of 869 right (0.769), 668 of
// 971 found (0.688) on those, and moved twenty-five more: 915 of 1182 right
// (0.774), 915 of 1305 found (0.701). The fourteenth round (read off the
// twelfth batch) gave 916 of 1184 right (0.774), 916 of 1305 found (0.702)
// on those, and moved thirteen more: 1034 of 1338 right (0.773), 1034 of
// 1479 found (0.699). An agent as the subject of an active harm verb ("The
// police killed him", rule responsibility-subject) gave 1040 of 1345 right
// (0.773), 1040 of 1479 found (0.703); no held-out document changed. Verbs
// of violence ("Soldiers opened fire") gave 1046 of 1355 right (0.772), and
// moved one document: 1047 of 1362 right (0.769), 1047 of 1488 found (0.704).
// After "they", court reports, participles, labels, "taken part" and the
// three documents moved with them: 1098 of 1427 right (0.769), 1098 of 1533
// found (0.716). "blamed" before a named body alone, with six more moved
// documents: 1160 of 1518 right (0.764), 1160 of 1620 found (0.716). The
// fifteenth round, with the six documents it moved: 1210 of 1580 right
// (0.766), 1210 of 1700 found (0.712). "I'd", "everyone", "having" and a
// lone spokeswoman, with the one document they moved: 1226 of 1596 right
// (0.768), 1226 of 1719 found (0.713). A speaker after a quotation, with
// the two documents it moved: 1246 of 1616 right (0.771), 1246 of 1741
// found (0.716). The sixteenth round, with the four documents it moved:
// 1281 of 1666 right (0.769), 1281 of 1797 found (0.713). A known source's
// kind and a statement's own "we", with the document they moved: 1296 of
// 1677 right (0.773), 1296 of 1807 found (0.717). List markers, with the
// document they moved: 1308 of 1689 right (0.774), 1308
// of 1818 found (0.719). A year that "when" follows, with the four documents
// it moved: 1342 of 1729 right (0.776), 1342 of 1860 found (0.722).
// Withdrawn figures, with the document they moved: 1347 of 1737 right
// (0.775), 1347 of 1868 found (0.721). The seventeenth round, with the
// three documents it moved: 1379 of 1780 right (0.775), 1379 of 1916 found
// (0.7197). "denies failing to", with the document it moved: 1386 of 1792
// right (0.773), 1386 of 1929 found (0.718). The eighteenth round, with the
// seven documents it moved: 1445 of 1871 right (0.772), 1445 of 2018 found
// (0.716). The nineteenth round, with the nine documents it moved: 1518 of
// 1975 right (0.769), 1518 of 2144 found (0.708). The twentieth round gave
// 1535 of 1981 right (0.775), 1535 of 2144 found (0.716) on those, and
// moved sixteen more: 1677 of 2162 right (0.776), 1677 of 2384 found
// (0.703). The twenty-first round gave 1685 of 2160 right (0.780), 1685 of
// 2384 found (0.707) on those, and moved nineteen more: 1849 of 2390 right
// (0.774), 1849 of 2652 found (0.697). The twenty-second round gave 1860 of
// 2394 right (0.777), 1860 of 2652 found (0.701) on those, and moved twelve
// more: 1968 of 2536 right (0.776), 1968 of 2826 found (0.696). The
// twenty-third round, with the four documents it moved: 2018 of 2603 right
// (0.775), 2018 of 2902 found (0.695). The twenty-fourth round gave 2027 of
// 2621 right (0.773), 2027 of 2902 found (0.698) on those, and moved
// seventeen more: 2192 of 2827 right (0.775), 2192 of 3145 found (0.697).
// The twenty-fifth round, with the document it moved: 2200 of 2841 right
// (0.774), 2200 of 3164 found (0.695). The twenty-sixth round gave 2206 of
// 2849 right (0.774), 2206 of 3164 found (0.697) on those, and moved nine
// more: 2281 of 2949 right (0.773), 2281 of 3303 found (0.691). The
// twenty-seventh round, with the three documents it moved: 2312 of 2992
// right (0.773), 2312 of 3354 found (0.689). The twenty-eighth round gave
// 2319 of 3000 right (0.773), 2319 of 3354 found (0.691) on those, and
// moved seven more: 2385 of 3088 right (0.772), 2385 of 3448 found (0.692).
// The twenty-ninth round gave 2385 of 3069 right (0.777), 2385 of 3448 found
// (0.692) on those, and moved eighteen more: 2546 of 3268 right (0.779),
// 2546 of 3706 found (0.687). The thirtieth round gave 2548 of 3261 right
// (0.781), 2548 of 3705 found (0.688) on those (one annotation corrected),
// and moved twenty-one more: 2731 of 3499 right (0.780), 2731 of 3993 found
// (0.684). The thirty-first round gave 2738 of 3512 right (0.780), 2738 of
// 3993 found (0.686) on those, and moved seven more: 2797 of 3591 right
// (0.779), 2797 of 4087 found (0.684). The thirty-second round gave 2799 of
// 3593 right (0.779), 2799 of 4087 found (0.685) on those, and moved eleven
// more: 2906 of 3720 right (0.781), 2906 of 4238 found (0.686). The
// thirty-third round gave 2905 of 3705 right (0.784), 2905 of 4238 found
// (0.685) on those, and moved four more: 2930 of 3741 right (0.783), 2930 of
// 4291 found (0.683). The thirty-fourth round gave 2934 of 3741 right
// (0.784), 2934 of 4291 found (0.684) on those, and moved four more: 2968 of
// 3787 right (0.784), 2968 of 4342 found (0.684). The thirty-fifth round
// gave 2974 of 3787 right (0.785), 2974 of 4342 found (0.685) on those, and
// moved six more: 3029 of 3860 right (0.785), 3029 of 4437 found (0.683).
// The thirty-sixth round gave 3037 of 3873 right (0.784), 3037 of 4437
// found (0.684) on those, and moved seven more: 3105 of 3957 right (0.785),
// 3105 of 4542 found (0.684). The thirty-seventh round gave 3105 of 3949
// right (0.786) on those, and moved six more: 3157 of 4019 right (0.786),
// 3157 of 4615 found (0.684). The thirty-eighth round gave 3157 of 4010
// right (0.787) on those, and moved seven more: 3228 of 4102 right (0.787),
// 3228 of 4723 found (0.683). The thirty-ninth round ("The article said")
// gave 3228 of 4091 right (0.789), 3228 of 4723 found (0.683). The fortieth
// moved two more: 3250 of 4114 right (0.790), 3250 of 4755 found (0.683).
// The forty-first gave 3262 of 4130 right (0.790), 3262 of 4755 found
// (0.686) on those, and moved five more: 3302 of 4180 right (0.790), 3302 of
// 4823 found (0.685). The forty-second gave 3304 of 4182 right (0.790) on
// those, and moved one more: 3309 of 4190 right (0.790), 3309 of 4840 found
// (0.684). The forty-third ("Three passengers died") gave 3309 of 4187
// right (0.790); the window of "rejects that" put right to one paragraph
// back, 3308 of 4186 (0.790), 3308 of 4840 found (0.683).
constexpr Floors k_dev_floors{0.77, 0.68};
// Held-out corpus, count and responsibility claims, first measured on the
// extractor of a7d0010: 32 of 57 extracted claims right (0.561), 32 of 69
// expected claims found (0.464). After the held-out fixes, on the four
// documents none of them touched: 16 of 20 right (0.800), 16 of 23 found
// (0.696). Then sixteen new documents, written and annotated by someone who
// had not seen the fixes (committed in dbf5dc6 and 4709aac before the
// extractor ever read them), joined the four: 60 of 100 right (0.600), 60 of
// 125 found (0.480). The fixes did not carry over to new text. The
// unlisted-agent fix raised that to 66 of 107 right (0.617), 66 of 125 found
// (0.528); the seven documents it changed moved to the dev corpus, and the
// thirteen left give 39 of 61 right (0.639), 39 of 80 found (0.488). The
// titled-label fix changed one more, which moved too: the twelve left give
// 38 of 55 right (0.691), 38 of 70 found (0.543). "both" changed four more,
// which moved too: the eight left give 25 of 33 right (0.758), 25 of 44
// found (0.568). Then the third batch of sixteen, written by someone who had
// not seen the second round's fixes (86d5ca7, bacb602, d630e1d), joined the
// eight: 63 of 109 right (0.578), 63 of 155 found (0.406). The third round
// of fixes, tuned on those 24, gave 97 of 128 right (0.758), 97 of 155 found
// (0.626); the seventeen documents it changed moved to the dev corpus, and
// the seven left give 25 of 31 right (0.806), 25 of 39 found (0.641). Then
// the fourth batch of sixteen, written by two annotators who had not seen
// the third round (bafbf92, ccb5ec7), joined the seven: 76 of 133 right
// (0.571), 76 of 164 found (0.463). The fourth round of fixes, tuned on
// those 23, gave 94 of 147 right (0.639), 94 of 164 found (0.573); the
// thirteen documents it changed moved to the dev corpus, and the ten left
// give 42 of 70 right (0.600), 42 of 73 found (0.575). Then the fifth batch
// of sixteen, by annotators who had not seen the fourth round (its two
// commits, c68866f and 41695e0), joined the ten: 94 of 191 right (0.492), 94 of 198
// found (0.475). Then a sixth batch of sixteen, written from the tree of
// 5576f4b by annotators who had not seen src/ or any round's fixes: 191 of
// 357 right (0.535), 191 of 388 found (0.492). The fifth round of fixes,
// tuned on those 42, gave 209 of 314 right (0.666), 209 of 388 found
// (0.539); the twenty-four documents it changed moved to the dev corpus, and
// the eighteen left give 84 of 130 right (0.646), 84 of 162 found (0.519).
// Then the seventh batch of sixteen, written from a copy of 9f74fc5 without
// src/ by annotators who had not seen the fifth round (5d05a2c), joined the
// eighteen: 196 of 302 right (0.649), 196 of 374 found (0.524). The sixth
// round, which mended what the fifth had broken on two of them, gave 201 of
// 307 right (0.655), 201 of 374 found (0.537); those two moved to the dev
// corpus, and the thirty-two left give 183 of 280 right (0.654), 183 of 344
// found (0.532). The seventh round of fixes, tuned on those 32, gave 199 of
// 290 right (0.686), 199 of 344 found (0.578); the four documents it
// changed moved to the dev corpus, and the twenty-eight left give 161 of
// 236 right (0.682), 161 of 291 found (0.553). Then the eighth batch of
// sixteen, written from a copy of f61a8b7 by annotators who had not seen the
// seventh round (9b6b5c0), joined the twenty-eight: 283 of 418 right
// (0.677), 283 of 484 found (0.585). The eighth round (a possessive speaks
// only when its noun gives the figure) gave 284 of 418 right (0.679), 284
// of 484 found (0.587); the one document it changed moved to the dev
// corpus, and the forty-three left give 274 of 405 right (0.677), 274 of
// 471 found (0.582). The ninth round of fixes, tuned on those 43, gave 289
// of 407 right (0.710), 289 of 471 found (0.614); the twelve documents it
// changed moved to the dev corpus, and the thirty-one left give 200 of 286
// right (0.699), 200 of 336 found (0.595). Then the ninth batch of sixteen,
// written from a copy of 06537e5 by annotators who had not seen the ninth
// round (6be5a4b), joined the thirty-one: 335 of 476 right (0.704), 335 of
// 526 found (0.637). The tenth round (a pronoun opening a blame sentence
// blames for the source in focus) gave 336 of 476 right (0.706), 336 of 526
// found (0.639); the one document it changed moved to the dev corpus, and
// the forty-six left give 326 of 463 right (0.704), 326 of 508 found (0.642).
// Then the tenth batch of sixteen, written from a copy of 6b60061 by
// annotators who had not seen the tenth round (7001469), joined the
// forty-six: 442 of 630 right (0.702), 442 of 692 found (0.639). The
// eleventh round (a Markdown heading is no round-up's headline) gave 447 of
// 637 right (0.702), 447 of 692 found (0.646); the one document it changed
// moved to the dev corpus, and the sixty-one left give 432 of 615 right
// (0.702), 432 of 674 found (0.641). The twelfth round gave 440 of 615
// right (0.715), 440 of 674 found (0.653); the three documents it changed
// moved to the dev corpus, and the fifty-eight left give 415 of 575 right
// (0.722), 415 of 634 found (0.655). Then the eleventh batch of sixteen,
// written from a copy of ae253eb by annotators who had not seen the twelfth
// round, joined the fifty-eight: 553 of 780 right (0.709), 553 of 861 found
// (0.642). The thirteenth round, read off that batch, gave 594 of 785 right
// (0.757), 594 of 861 found (0.690); the twenty-five documents it changed
// moved to the dev corpus, and the forty-nine left give 347 of 472 right
// (0.735), 347 of 527 found (0.658). Then the twelfth batch of sixteen,
// written from the same copy of ae253eb, joined the forty-nine: 468 of 645
// right (0.726), 468 of 744 found (0.629). The fourteenth round, read off
// that batch, gave 479 of 647 right (0.740), 479 of 744 found (0.644); the
// thirteen documents it changed moved to the dev corpus, and the fifty-two
// left give 361 of 493 right (0.732), 361 of 570 found (0.633). The verbs
// of violence changed one document, which moved to the dev corpus; the
// fifty-one left give 360 of 487 right (0.739), 360 of 561 found (0.642).
// Then the thirteenth batch of sixteen, written from the same copy of
// ae253eb, joined them, scored with afc846e: 509 of 677 right (0.752), 509
// of 788 found (0.646). A headline's participle ("Six confirmed dead")
// changed one document, which moved to the dev corpus: 503 of 667 right
// (0.754), 503 of 778 found (0.647). "taken part" and "took an active part"
// changed two more, which moved too: 480 of 636 right (0.755), 480 of 743
// found (0.646). Then the fourteenth batch of sixteen, written from the same
// copy of ae253eb, joined them, scored with 64ddbfc: 605 of 820 right
// (0.738), 605 of 920 found (0.658). "blamed" before a named body alone
// changed six documents, which moved to the dev corpus: 551 of 742 right
// (0.743), 551 of 833 found (0.661). Then the fifteenth batch of sixteen,
// written from a copy of f396200, joined them, scored with 2ea2ab7 (the
// same claims as f396200): 689 of 930 right (0.741), 689 of 1078 found
// (0.639). The fifteenth round (a possessive ending a mention, a number word
// opening a name, plain words inside a name, "fallen ill") changed six
// documents, which moved to the dev corpus: 645 of 869 right (0.742), 645 of
// 998 found (0.646). "I'd", "everyone", "having" and a lone spokeswoman
// changed one more, which moved too: 634 of 853 right (0.743), 634 of 979
// found (0.648). A speaker after a quotation moved two more: 618 of 833
// right (0.742), 618 of 957 found (0.646). Then the sixteenth batch of
// sixteen, written from a copy of 0d2b385, joined them, scored with 0963f33:
// 748 of 1015 right (0.737), 748 of 1178 found (0.635). The sixteenth round
// (clauses inside quotations, participles, more persons) changed four, which
// moved to the dev corpus: 721 of 973 right (0.741), 721 of 1122 found
// (0.643). A known source's kind and a statement's own "we" changed one
// more, which moved too: 714 of 962 right (0.742), 714 of 1112 found
// (0.642). A list item's marker before a known subject moved one more: 705 of 950 right (0.742), 705 of 1101 found
// (0.640). A year that "when" follows moved four more: 671 of 909 right
// (0.738), 671 of 1059 found (0.634). Withdrawn figures moved one more: 666
// of 898 right (0.742), 666 of 1051 found (0.634). Then the seventeenth
// batch of sixteen, written from a copy of ebb380a, joined them, scored with
// cf5b4a4: 819 of 1100 right (0.745), 819 of 1317 found (0.622). The
// seventeenth round (progressives, commas, villagers) moved three: 791 of
// 1059 right (0.747), 791 of 1269 found (0.623). "denies failing to" moved
// one more: 787 of 1050 right (0.750), 787 of 1256 found (0.627). Then the
// eighteenth batch of sixteen, written from a copy of 6c24c7f, joined them,
// scored with 51e3dbc: 918 of 1225 right (0.749), 918 of 1497 found (0.613).
// The eighteenth round (corrections, rejected criticism) moved seven: 867 of
// 1156 right (0.750), 867 of 1408 found (0.616). Then the nineteenth batch
// of sixteen, written from a copy of d2c1d10, joined them, scored with
// d2c1d10: 1006 of 1344 right (0.749), 1006 of 1660 found (0.606). The
// nineteenth round (carried to hospital, stabbed to death) moved nine: 945
// of 1253 right (0.754), 945 of 1534 found (0.616). Then the twentieth batch
// of sixteen, written from a copy of 8bdbed9, joined them, scored with
// f206617 (the extractor of 8bdbed9): 1084 of 1438 right (0.754), 1084 of
// 1792 found (0.605). The twentieth round (killers named, a speaker's own
// denial, "last year") gave 1109 of 1454 right (0.763), 1109 of 1792 found
// (0.619) on those, and moved sixteen: 967 of 1273 right (0.7596), 967 of
// 1552 found (0.623). Then the twenty-first batch of sixteen, written from
// a copy of 23663d7, joined them, scored with 7a345a8 (after the twentieth
// round): 1091 of 1458 right (0.748), 1091 of 1778 found (0.614). The
// twenty-first round (posts' authors, relative clauses, pointing, withdrawn
// figures) gave 1108 of 1461 right (0.758), 1108 of 1778 found (0.623) on
// those, and moved nineteen: 944 of 1231 right (0.767), 944 of 1510 found
// (0.625). Then the twenty-second batch of sixteen, written from a copy of
// 7405242, joined them, scored with 3a05ce2 (after the twenty-first round):
// 1098 of 1433 right (0.766), 1098 of 1753 found (0.626). The twenty-second
// round (list items, titled labels, "does not believe", storming) gave 1112
// of 1440 right (0.772), 1112 of 1753 found (0.634) on those, and moved
// twelve: 1004 of 1298 right (0.773), 1004 of 1579 found (0.636). Then the
// twenty-third batch of sixteen, written from a copy of 630652b, joined
// them, scored with 6b16d0f (after the twenty-second round): 1145 of 1486
// right (0.771), 1145 of 1832 found (0.625). The twenty-third round
// (committees, names joined by "and") gave 1148 of 1490 right (0.770), 1148
// of 1832 found (0.627) on those, and moved four: 1101 of 1426 right
// (0.772), 1101 of 1756 found (0.627). Then the twenty-fourth batch of
// sixteen, written from a copy of 0d801cc, joined them, scored with e357153
// (after the twenty-third round): 1234 of 1596 right (0.773), 1234 of 1959
// found (0.630). The twenty-fourth round (own deeds denied, neglect) gave
// 1249 of 1614 right (0.774), 1249 of 1959 found (0.638) on those, and
// moved seventeen: 1084 of 1408 right (0.770), 1084 of 1716 found (0.632).
// Then the twenty-fifth batch of sixteen, written from a copy of 1c9cfd2,
// joined them, scored with d84e1d5 (after the twenty-fourth round): 1196 of
// 1583 right (0.756), 1196 of 1960 found (0.610). The twenty-fifth round
// (posts introduced by their account) gave 1201 of 1582 right (0.759), 1201
// of 1960 found (0.613) on those, and moved one: 1193 of 1567 right
// (0.761), 1193 of 1941 found (0.615). Then the twenty-sixth batch of
// sixteen, written from a copy of 3b2b3cd, joined them, scored with the
// extractor of 02e5485 (after the twenty-fifth round): 1328 of 1751 right
// (0.758), 1328 of 2150 found (0.618). The twenty-sixth round (owned
// responsibility, answering for it, doing nothing) gave 1337 of 1761 right
// (0.759), 1337 of 2150 found (0.622) on those, and moved nine: 1262 of
// 1661 right (0.760), 1262 of 2011 found (0.628). Then the twenty-seventh
// batch of sixteen, written from a copy of d0df18f, joined them, scored
// with 9ffec76 (after the twenty-sixth round): 1418 of 1863 right (0.761),
// 1418 of 2263 found (0.627). The twenty-seventh round (verdicts, one's own
// officers) gave 1420 of 1866 right (0.761), 1420 of 2263 found (0.627) on
// those, and moved three: 1390 of 1824 right (0.762), 1390 of 2212 found
// (0.628). Then the twenty-eighth batch of sixteen, written from a copy of
// 98bc1b3, joined them, scored with the same extractor: 1520 of 1997 right
// (0.761), 1520 of 2447 found (0.621). The twenty-eighth round (where
// responsibility lies) gave 1525 of 2004 right (0.761), 1525 of 2447 found
// (0.623) on those, and moved seven: 1459 of 1916 right (0.761), 1459 of
// 2353 found (0.620). The twenty-ninth round (the whole a part is taken
// from) gave 1457 of 1898 right (0.768), 1457 of 2353 found (0.619) on
// those, and moved eighteen: 1296 of 1699 right (0.763), 1296 of 2095 found
// (0.619). The thirtieth round (parts "among the injured", "no one else",
// the claim a fact check checks) gave 1303 of 1681 right (0.775), 1303 of
// 2095 found (0.622) on those, and moved twenty-one: 1120 of 1443 right
// (0.776), 1120 of 1807 found (0.620). The thirty-first round ("denies
// this", "rejects that account") gave 1126 of 1450 right (0.777), 1126 of
// 1807 found (0.623) on those, and moved seven: 1067 of 1371 right (0.778),
// 1067 of 1713 found (0.623). Then the twenty-ninth batch of sixteen,
// written from a copy of 2185a22, joined them, scored with ed4846c (after
// the thirty-first round): 1222 of 1564 right (0.781), 1222 of 1961 found
// (0.623). The thirty-second round (denials in reported words, "and it did
// nothing") gave 1231 of 1576 right (0.781), 1231 of 1961 found (0.628) on
// those, and moved eleven: 1124 of 1449 right (0.776), 1124 of 1810 found
// (0.621). The thirty-third round (questions) gave 1124 of 1444 right
// (0.778) on those, and moved four: 1099 of 1408 right (0.781), 1099 of 1757
// found (0.625). The thirty-fourth round (figures put or given, "Its
// crews") gave 1103 of 1408 right (0.783), 1103 of 1757 found (0.628) on
// those, and moved four: 1069 of 1362 right (0.785), 1069 of 1706 found
// (0.627). Then the thirtieth batch of sixteen, written from a copy of
// e76d547, joined them, scored with a5f972d: 1192 of 1526 right (0.781),
// 1192 of 1934 found (0.616). The thirty-fifth round (the subject that
// holds another responsible) gave 1198 of 1526 right (0.785), 1198 of 1934
// found (0.619) on those, and moved six: 1143 of 1453 right (0.787), 1143
// of 1839 found (0.622). The thirty-sixth round ("and did nothing") gave
// 1149 of 1460 right (0.787), 1149 of 1839 found (0.625) on those, and moved
// seven: 1081 of 1376 right (0.786), 1081 of 1734 found (0.623). The
// thirty-seventh round ("Eight were treated") gave 1081 of 1370 right
// (0.789) on those, and moved six: 1029 of 1300 right (0.792), 1029 of 1661
// found (0.620). The thirty-eighth round ("since January", "In April")
// gave 1028 of 1292 right (0.796), 1028 of 1661 found (0.619) on those, and
// moved seven: 957 of 1200 right (0.798), 957 of 1553 found (0.616). The
// fortieth round ("No" is no speaker) gave 959 of 1200 right (0.799), 959 of
// 1553 found (0.618) on those, and moved two: 937 of 1177 right (0.796), 937
// of 1521 found (0.616). The forty-first round (asides before a state) gave
// 939 of 1182 right (0.794), 939 of 1521 found (0.617) on those, and moved
// five: 899 of 1132 right (0.794), 899 of 1453 found (0.619). The
// forty-second round ("He died in hospital") gave 900 of 1133 right (0.794)
// on those, and moved one: 895 of 1125 right (0.796), 895 of 1436 found
// (0.623).
constexpr Floors k_heldout_floors{0.79, 0.61};
// Cause claims, scored on their own, first measured with the cause finder of
// src/extract/cause.cpp: dev 22 of 22 extracted right (1.00), 22 of 25 found
// (0.88); held-out 16 of 26 extracted right (0.615), 16 of 35 found (0.457).
// With the twelve moved documents and the three new ones: dev 34 of 39 right
// (0.872), 34 of 50 found (0.680); held-out 8 of 12 right (0.667), 8 of 13
// found (0.615). With the sixteen new held-out documents: 23 of 41 right
// (0.561), 23 of 61 found (0.377). After the unlisted-agent fix and the
// seven documents it moved: dev 45 of 57 right (0.789), 45 of 78 found
// (0.577); held-out 13 of 23 right (0.565), 13 of 33 found (0.394). After
// the titled-label fix and its moved and new documents: dev 47 of 61 right
// (0.770), 47 of 81 found (0.580); held-out 13 of 21 right (0.619), 13 of 32
// found (0.406). After "both" and its moved and new documents: dev 53 of 72
// right (0.736), 53 of 94 found (0.564); held-out 8 of 11 right (0.727), 8 of
// 21 found (0.381). With the third batch: held-out 19 of 37 right (0.514),
// 19 of 66 found (0.288). After the third round and its seventeen moved
// documents: dev 65 of 95 right (0.684), 65 of 140 found (0.464); held-out,
// the seven left, 11 of 14 right (0.786), 11 of 20 found (0.550). With the
// fourth batch: held-out 24 of 34 right (0.706), 24 of 72 found (0.333).
// After the fourth round and its thirteen moved documents: dev 80 of 114
// right (0.702), 80 of 182 found (0.440); held-out, the ten left, 11 of 15
// right (0.733), 11 of 30 found (0.367). With the fifth batch: held-out 28
// of 44 right (0.636), 28 of 80 found (0.350). With the sixth batch: 42 of
// 70 right (0.600), 42 of 146 found (0.288). After the fifth round and its
// twenty-four moved documents: dev 108 of 149 right (0.725), 108 of 271
// found (0.399); held-out, the eighteen left, 17 of 21 right (0.810), 17 of
// 57 found (0.298). With the seventh batch: 36 of 49 right (0.735), 36 of
// 139 found (0.259). After the sixth round and its two moved documents: dev
// 111 of 152 right (0.730), 111 of 281 found (0.395); held-out 33 of 46
// right (0.717), 33 of 129 found (0.256). After the seventh round and its
// four moved documents: dev 119 of 165 right (0.721), 119 of 303 found
// (0.393); held-out 25 of 33 right (0.758), 25 of 107 found (0.234). With
// the eighth batch: 55 of 78 right (0.705), 55 of 195 found (0.282). After
// the eighth round's moved document: dev 121 of 167 right (0.725), 121 of
// 309 found (0.392); held-out 53 of 76 right (0.697), 53 of 189 found
// (0.280). After the ninth round and its twelve moved documents: dev 136 of
// 187 right (0.727), 136 of 366 found (0.372); held-out 39 of 56 right
// (0.696), 39 of 132 found (0.295). With the ninth batch: 75 of 105 right
// (0.714), 75 of 215 found (0.349). After the tenth round's moved document:
// dev 136 of 187 right (0.727), 136 of 371 found (0.367); held-out 75 of 105
// right (0.714), 75 of 210 found (0.357). With the tenth batch: 94 of 141
// right (0.667), 94 of 283 found (0.332). After the eleventh round's moved
// document: dev 141 of 193 right (0.731), 141 of 376 found (0.375);
// held-out 92 of 138 right (0.667), 92 of 278 found (0.331). After the
// twelfth round's three moved documents: dev 147 of 201 right (0.731), 147
// of 395 found (0.372); held-out 86 of 130 right (0.662), 86 of 259 found
// (0.332). After the thirteenth round's twenty-five moved documents: dev
// 195 of 271 right (0.720), 195 of 528 found (0.369); held-out 71 of 105
// right (0.676), 71 of 210 found (0.338). After the fourteenth round's
// thirteen moved documents: dev 215 of 305 right (0.705), 215 of 594 found
// (0.362); held-out 73 of 100 right (0.730), 73 of 218 found (0.335).
// With the one document the verbs of violence moved: dev 215 of 305 right
// (0.705), 215 of 599 found (0.359); held-out 73 of 100 right (0.730), 73
// of 213 found (0.343).
// After the six documents "blamed" moved: dev 230 of 330 right (0.697), 230
// of 648 found (0.355). After the twentieth round's sixteen moved
// documents: dev 325 of 450 right (0.722), 325 of 904 found (0.360). After
// the twenty-first round's nineteen: 349 of 492 right (0.709), 349 of 984
// found (0.355). After the twenty-second round's twelve: 368 of 521 right
// (0.706), 368 of 1043 found (0.353). After the twenty-third round's four:
// 376 of 531 right (0.708), 376 of 1064 found (0.353). After the
// twenty-fourth round's seventeen: 397 of 559 right (0.710), 397 of 1147
// found (0.346). After the twenty-fifth round's one: 397 of 560 right
// (0.709), 397 of 1152 found (0.345). After the twenty-sixth round's nine:
// 411 of 575 right (0.715), 411 of 1191 found (0.345). After the
// twenty-seventh round's three: 418 of 583 right (0.717), 418 of 1207 found
// (0.346). After the twenty-eighth round's seven: 431 of 600 right
// (0.718), 431 of 1240 found (0.348). After the twenty-ninth round's
// eighteen: 455 of 636 right (0.715), 455 of 1315 found (0.346). After the
// thirtieth round's twenty-one: 487 of 678 right (0.718), 487 of 1404 found
// (0.347). After the thirty-first round's seven: 498 of 696 right (0.716),
// 498 of 1434 found (0.347). After the thirty-second round's eleven: 507 of
// 710 right (0.714), 507 of 1485 found (0.341). After the thirty-third
// round's four, whose cause claims it mostly misses: 507 of 706 right
// (0.718), 507 of 1497 found (0.339); the recall floor follows the moved
// documents down to 0.33. After the thirty-fourth round's four: 511 of 710
// right (0.720), 511 of 1514 found (0.338). After the thirty-fifth round's
// six: 523 of 725 right (0.721), 523 of 1542 found (0.339). After the
// thirty-sixth round's seven: 535 of 743 right (0.720), 535 of 1579 found
// (0.339). After the thirty-seventh round's six: 540 of 751 right (0.719),
// 540 of 1608 found (0.336). After the thirty-eighth round's seven: 548 of
// 763 right (0.718), 548 of 1647 found (0.333). After the fortieth round's
// two: 550 of 767 right (0.717), 550 of 1655 found (0.332). After the
// forty-first round's five: 557 of 778 right (0.716), 557 of 1673 found
// (0.333). After the forty-second round's one: 560 of 781 right (0.717), 560
// of 1678 found (0.334).
constexpr Floors k_dev_cause_floors{0.71, 0.33};
// With the thirteenth batch: held-out 102 of 145 right (0.703), 102 of 299
// found (0.341); after the three documents moved since, 97 of 139 right
// (0.698), 97 of 280 found (0.346). With the fourteenth batch: 125 of 181
// right (0.691), 125 of 349 found (0.358); after the six moved documents,
// 115 of 162 right (0.710), 115 of 319 found (0.361). With the fifteenth
// batch: 136 of 193 right (0.705), 136 of 394 found (0.345); after the six
// documents the fifteenth round moved, 126 of 174 right (0.724), 126 of 367
// found (0.343). Dev then: 241 of 349 right (0.691), 241 of 675 found
// (0.357). After the one document moved since: held-out 126 of 173 right
// (0.728), 126 of 364 found (0.346); dev 242 of 350 right (0.691), 242 of
// 678 found (0.357). After a speaker after a quotation: held-out 122 of 167
// right (0.731), 122 of 356 found (0.343); dev 246 of 356 right (0.691), 246
// of 686 found (0.359). With the sixteenth batch: held-out 146 of 199 right
// (0.734), 146 of 436 found (0.335); after the sixteenth round's four moved
// documents, 139 of 191 right (0.728), 139 of 412 found (0.337), and dev 253
// of 364 right (0.695), 253 of 710 found (0.356). After a known source's
// kind and a statement's own "we": held-out 136 of 188 right (0.723), 136 of
// 407 found (0.334); dev 257 of 367 right (0.700), 257 of 715 found (0.359).
// After list markers: held-out 134 of 186 right (0.720),
// 134 of 403 found (0.333); dev 260 of 369 right (0.705), 260 of 719 found
// (0.362). After a year that "when" follows: held-out 128 of 174 right
// (0.736), 128 of 385 found (0.332); dev 266 of 365 right (0.729), 266 of
// 737 found (0.361). After withdrawn figures: held-out 125 of 171 right
// (0.731), 125 of 379 found (0.3298); dev 269 of 368 right (0.731), 269 of
// 743 found (0.362). With the seventeenth batch: held-out 140 of 192 right
// (0.729), 140 of 452 found (0.3097); after the seventeenth round, 138 of
// 190 right (0.726), 138 of 437 found (0.316), and dev 271 of 370 right
// (0.732), 271 of 758 found (0.358). After "denies failing to": held-out
// 137 of 189 right (0.725), 137 of 432 found (0.317); dev 272 of 371 right
// (0.733), 272 of 763 found (0.356). With the eighteenth batch: held-out 165
// of 226 right (0.730), 165 of 509 found (0.324). After the eighteenth round:
// held-out 151 of 207 right (0.729), 151 of 478 found (0.316); dev 286 of 390
// right (0.733), 286 of 794 found (0.360). With the nineteenth batch:
// held-out 175 of 246 right (0.711), 175 of 555 found (0.315); after the
// nineteenth round, 166 of 229 right (0.725), 166 of 520 found (0.319), and
// dev 295 of 407 right (0.725), 295 of 829 found (0.356). With the twentieth
// batch: held-out 192 of 262 right (0.733), 192 of 595 found (0.323).
// After the twentieth round: 196 of 265 right (0.740), 196 of 595 found
// (0.329), and with its sixteen documents moved, 166 of 222 right (0.748),
// 166 of 520 found (0.319). With the twenty-first batch: 184 of 254 right
// (0.724), 184 of 600 found (0.307). After the twenty-first round: 186 of
// 254 right (0.732), 186 of 600 found (0.310), and with its nineteen
// documents moved, 162 of 212 right (0.764), 162 of 520 found (0.312). With
// the twenty-second batch: 192 of 263 right (0.730), 192 of 598 found
// (0.321). After the twenty-second round: 194 of 263 right (0.738), 194 of
// 598 found (0.324), and with its twelve documents moved, 176 of 234 right
// (0.752), 176 of 539 found (0.327). With the twenty-third batch: 199 of
// 262 right (0.760), 199 of 612 found (0.325). After the twenty-third
// round's four moved: 191 of 252 right (0.758), 191 of 591 found (0.323).
// With the twenty-fourth batch: 211 of 287 right (0.735), 211 of 660 found
// (0.3197). After the twenty-fourth round's seventeen moved: 190 of 259
// right (0.734), 190 of 577 found (0.329). With the twenty-fifth batch: 202
// of 285 right (0.709), 202 of 646 found (0.313). After the twenty-fifth
// round's one moved: 202 of 284 right (0.711), 202 of 641 found (0.315).
// With the twenty-sixth batch: 227 of 321 right (0.707), 227 of 704 found
// (0.322). After the twenty-sixth round's nine moved: 213 of 306 right
// (0.696), 213 of 665 found (0.320). With the twenty-seventh batch: 237 of
// 341 right (0.695), 237 of 738 found (0.321). After the twenty-seventh
// round's three moved: 230 of 333 right (0.691), 230 of 722 found (0.3186).
// With the twenty-eighth batch: 246 of 359 right (0.685), 246 of 786 found
// (0.313). After the twenty-eighth round's seven moved: 233 of 342 right
// (0.681), 233 of 753 found (0.309). After the twenty-ninth round's
// eighteen moved: 209 of 306 right (0.683), 209 of 678 found (0.308). The
// thirtieth round: 211 of 306 right (0.690), 211 of 678 found (0.311); with
// its twenty-one moved: 181 of 264 right (0.686), 181 of 589 found (0.307).
// After the thirty-first round's seven moved: 170 of 246 right (0.691), 170
// of 559 found (0.304). With the twenty-ninth batch: 195 of 284 right
// (0.687), 195 of 642 found (0.304). After the thirty-second round's eleven
// moved: 186 of 270 right (0.689), 186 of 591 found (0.315). After the
// thirty-third round's four moved: 186 of 269 right (0.691), 186 of 579
// found (0.321). After the thirty-fourth round's four moved: 182 of 265
// right (0.687), 182 of 562 found (0.324). With the thirtieth batch: 200 of
// 291 right (0.687), 200 of 638 found (0.313). After the thirty-fifth
// round's six moved: 188 of 276 right (0.681), 188 of 610 found (0.308).
// After the thirty-sixth round's seven moved: 176 of 258 right (0.682), 176
// of 573 found (0.307). After the thirty-seventh round's six moved: 171 of
// 250 right (0.684), 171 of 544 found (0.314). After the thirty-eighth
// round's seven moved: 163 of 238 right (0.685), 163 of 505 found (0.323).
// After the fortieth round's two moved: 161 of 234 right (0.688), 161 of 497
// found (0.324). After the forty-first round's five moved: 154 of 223
// right (0.691), 154 of 479 found (0.322). After the forty-second round's
// one moved: 151 of 220 right (0.686), 151 of 474 found (0.319).
constexpr Floors k_heldout_cause_floors{0.68, 0.30};
// The targets the extractor is working towards (reported, not enforced).
constexpr double k_precision_target = 0.9;
constexpr double k_recall_target = 0.8;

// The attributes scored together: counts and responsibility. Cause claims are
// scored apart ([[causes]] in the expectation files); claims about anything
// else (location, date) are neither expected nor counted.
const std::set<std::string, std::less<>> k_scored_attributes = {"deaths", "injuries", "arrests", "participants",
                                                                "responsibility"};
const std::set<std::string, std::less<>> k_cause_attributes = {"cause"};

// The two corpora, by folder name under tests/.
constexpr std::string_view k_dev_corpus = "extraction";
constexpr std::string_view k_heldout_corpus = "extraction-heldout";

fs::path corpus_dir(std::string_view corpus) { return contra::test::source_dir() / "tests" / corpus; }

// A claim as the expectation file states it.
struct ExpectedClaim {
    std::string source;
    std::string attribute;
    contra::Qualifier qualifier;
    // Agent: only agent and responsible are compared; Category: a cause
    std::variant<contra::Count, contra::Agent, contra::Category> value;
    contra::Polarity polarity = contra::Polarity::asserted;
    std::string quote;
    std::size_t start = 0;  // byte range of the quote in the document
    std::size_t end = 0;
    int line = 0;  // line of the claim in the expectation file
};

// A passage that must yield no claim: a figure for another event, a
// cumulative toll, a superseded figure. Hitting it is a false positive
// anyway; the trap only explains why in the report.
struct Trap {
    std::string quote;
    std::string why;
    std::size_t start = 0;
    std::size_t end = 0;
};

struct CorpusDocument {
    std::string name;  // file name without .txt
    std::string style;
    contra::Document document;
    contra::ExtractOptions options;
    std::vector<contra::Source> sources;
    std::vector<ExpectedClaim> expected;  // count and responsibility claims
    std::vector<ExpectedClaim> causes;    // cause claims
    std::vector<Trap> traps;
};

[[noreturn]] void corpus_error(const fs::path& file, const toml::node* node, const std::string& message)
{
    int line = 0;
    int column = 0;
    if (node != nullptr) {
        line = static_cast<int>(node->source().begin.line);
        column = static_cast<int>(node->source().begin.column);
    }
    throw std::runtime_error(fmt::format("{}:{}:{}: {}", file.string(), line, column, message));
}

std::string required_string(const fs::path& file, const toml::table& table, std::string_view key)
{
    const auto value = table[key].value<std::string>();
    if (!value) corpus_error(file, &table, fmt::format("missing string key '{}'", key));
    return *value;
}

// Byte range of `quote` in `text`; the quote must occur exactly once.
std::pair<std::size_t, std::size_t> locate_quote(const fs::path& file, const toml::node* node, std::string_view text,
                                                 const std::string& quote)
{
    if (quote.empty()) corpus_error(file, node, "empty quote");
    const auto first = text.find(quote);
    if (first == std::string_view::npos) corpus_error(file, node, fmt::format("quote not in the document: \"{}\"", quote));
    if (text.find(quote, first + 1) != std::string_view::npos)
        corpus_error(file, node, fmt::format("quote occurs more than once, make it longer: \"{}\"", quote));
    return {first, first + quote.size()};
}

contra::Count read_count(const fs::path& file, const toml::node& node)
{
    if (const auto exact = node.value<std::int64_t>()) return contra::Count{*exact, *exact};
    const auto* table = node.as_table();
    if (table == nullptr) corpus_error(file, &node, "count must be an integer or { min, max }");
    const auto min = (*table)["min"].value<std::int64_t>();
    if (!min) corpus_error(file, &node, "count table needs min (and max, unless open above)");
    contra::Count count{*min, std::nullopt};
    if (const auto max = (*table)["max"].value<std::int64_t>()) count.hi = *max;
    return count;
}

// A [[claims]] entry (a count or responsibility claim), or with
// `cause = true` a [[causes]] entry: `cause = "fire"`, the category.
ExpectedClaim read_claim(const fs::path& file, const toml::table& table, std::string_view text,
                         const std::string& default_source, bool cause = false)
{
    ExpectedClaim claim;
    claim.line = static_cast<int>(table.source().begin.line);
    claim.source = table["source"].value<std::string>().value_or(default_source);
    if (claim.source.empty()) corpus_error(file, &table, "claim without source, and no speaker or publication");
    claim.attribute = cause ? std::string("cause") : required_string(file, table, "attribute");
    if (!cause && !k_scored_attributes.contains(claim.attribute))
        corpus_error(file, &table, fmt::format("attribute '{}' is not scored", claim.attribute));
    if (const auto* qualifier = table["qualifier"].as_table()) {
        for (const auto& [key, value] : *qualifier) {
            const auto text_value = value.value<std::string>();
            if (!text_value) corpus_error(file, &value, "qualifier values must be strings");
            claim.qualifier[std::string(key.str())] = *text_value;
        }
    }
    if (cause) {
        claim.value = contra::Category{required_string(file, table, "cause")};
    } else if (claim.attribute == "responsibility") {
        contra::Agent agent;
        agent.agent = required_string(file, table, "agent");
        const auto responsible = table["responsible"].value<bool>();
        if (!responsible) corpus_error(file, &table, "responsibility claim needs responsible = true/false");
        agent.responsible = *responsible;
        agent.for_attribute = table["for"].value<std::string>().value_or("");
        claim.value = agent;
    } else {
        const auto* count = table.get("count");
        if (count == nullptr) corpus_error(file, &table, "count claim needs count");
        claim.value = read_count(file, *count);
    }
    const auto polarity_text = table["polarity"].value<std::string>().value_or("asserted");
    const auto polarity = contra::parse_polarity(polarity_text);
    if (!polarity) corpus_error(file, &table, fmt::format("unknown polarity '{}'", polarity_text));
    claim.polarity = *polarity;
    claim.quote = required_string(file, table, "quote");
    std::tie(claim.start, claim.end) = locate_quote(file, &table, text, claim.quote);
    return claim;
}

contra::Source read_source(const fs::path& file, const toml::table& table)
{
    contra::Source source;
    source.id = required_string(file, table, "id");
    source.name = required_string(file, table, "name");
    source.kind = table["kind"].value<std::string>().value_or("");
    const auto stake_text = table["stake"].value<std::string>().value_or("unknown");
    const auto stake = contra::parse_stake(stake_text);
    if (!stake) corpus_error(file, &table, fmt::format("unknown stake '{}'", stake_text));
    source.stake = *stake;
    if (const auto* aliases = table["aliases"].as_array()) {
        for (const auto& alias : *aliases) {
            const auto text = alias.value<std::string>();
            if (!text) corpus_error(file, &alias, "aliases must be strings");
            source.aliases.push_back(*text);
        }
    }
    return source;
}

CorpusDocument load_document(std::string_view corpus, const fs::path& text_path)
{
    CorpusDocument doc;
    doc.name = text_path.stem().string();
    const auto expect_path = text_path.parent_path() / (doc.name + ".expect.toml");
    if (!fs::exists(expect_path)) throw std::runtime_error(expect_path.string() + ": missing expectation file");

    doc.document.text = contra::test::read_file(text_path);
    doc.document.sha256 = contra::sha256_hex(doc.document.text);
    // The path tells the extractor whether the text is Markdown (.md).
    doc.document.path = fmt::format("tests/{}/{}", corpus, text_path.filename().string());

    toml::table root;
    try {
        root = toml::parse_file(expect_path.string());
    } catch (const toml::parse_error& error) {
        throw std::runtime_error(fmt::format("{}:{}:{}: {}", expect_path.string(), error.source().begin.line,
                                             error.source().begin.column, error.description()));
    }
    doc.style = root["style"].value<std::string>().value_or("");
    doc.document.title = root["title"].value<std::string>().value_or(doc.name);
    doc.document.published = root["published"].value<std::string>().value_or("");
    doc.options.event = required_string(expect_path, root, "event");
    doc.options.publication = required_string(expect_path, root, "publication");
    doc.options.speaker = root["speaker"].value<std::string>();

    if (const auto* sources = root["sources"].as_array()) {
        for (const auto& node : *sources) {
            const auto* table = node.as_table();
            if (table == nullptr) corpus_error(expect_path, &node, "[[sources]] entries must be tables");
            doc.sources.push_back(read_source(expect_path, *table));
        }
    }
    doc.options.known_sources = doc.sources;

    const auto default_source = doc.options.speaker.value_or(doc.options.publication);
    if (const auto* claims = root["claims"].as_array()) {
        for (const auto& node : *claims) {
            const auto* table = node.as_table();
            if (table == nullptr) corpus_error(expect_path, &node, "[[claims]] entries must be tables");
            doc.expected.push_back(read_claim(expect_path, *table, doc.document.text, default_source));
        }
    }
    if (const auto* causes = root["causes"].as_array()) {
        for (const auto& node : *causes) {
            const auto* table = node.as_table();
            if (table == nullptr) corpus_error(expect_path, &node, "[[causes]] entries must be tables");
            doc.causes.push_back(read_claim(expect_path, *table, doc.document.text, default_source, true));
        }
    }
    if (const auto* traps = root["traps"].as_array()) {
        for (const auto& node : *traps) {
            const auto* table = node.as_table();
            if (table == nullptr) corpus_error(expect_path, &node, "[[traps]] entries must be tables");
            Trap trap;
            trap.quote = required_string(expect_path, *table, "quote");
            trap.why = required_string(expect_path, *table, "why");
            std::tie(trap.start, trap.end) = locate_quote(expect_path, table, doc.document.text, trap.quote);
            doc.traps.push_back(std::move(trap));
        }
    }
    return doc;
}

std::vector<CorpusDocument> load_corpus(std::string_view name)
{
    std::vector<fs::path> texts;
    for (const auto& entry : fs::directory_iterator(corpus_dir(name))) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".txt" || extension == ".md")) texts.push_back(entry.path());
    }
    std::sort(texts.begin(), texts.end());
    std::vector<CorpusDocument> corpus;
    for (const auto& path : texts) corpus.push_back(load_document(name, path));
    return corpus;
}

// "Interior Ministry" -> "interior-ministry": folded, runs of anything but
// letters and digits made one hyphen.
std::string slug(std::string_view name)
{
    const auto folded = contra::fold(name);
    std::string out;
    for (const char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// The source ids a claim answers to: its own id and, when the extractor met
// the source for the first time in this document, the slug of its name.
std::set<std::string> source_ids(const contra::Claim& claim, const std::vector<contra::Source>& new_sources)
{
    std::set<std::string> ids{claim.source};
    for (const auto& source : new_sources) {
        if (source.id == claim.source) ids.insert(slug(source.name));
    }
    return ids;
}

bool spans_overlap(const contra::Span& span, std::size_t start, std::size_t end)
{
    if (span.end <= span.start) return span.start >= start && span.start < end;
    return span.start < end && start < span.end;
}

bool value_matches(const ExpectedClaim& expected, const contra::Value& actual)
{
    if (const auto* count = std::get_if<contra::Count>(&expected.value)) {
        const auto* got = std::get_if<contra::Count>(&actual.data);
        return got != nullptr && *got == *count;
    }
    if (const auto* category = std::get_if<contra::Category>(&expected.value)) {
        const auto* got = std::get_if<contra::Category>(&actual.data);
        return got != nullptr && *got == *category;
    }
    const auto& agent = std::get<contra::Agent>(expected.value);
    const auto* got = std::get_if<contra::Agent>(&actual.data);
    return got != nullptr && got->agent == agent.agent && got->responsible == agent.responsible;
}

bool claim_matches(const ExpectedClaim& expected, const contra::Claim& actual, const std::set<std::string>& ids)
{
    return ids.contains(expected.source) && actual.attribute == expected.attribute &&
           actual.qualifier == expected.qualifier && value_matches(expected, actual.value) &&
           spans_overlap(actual.span, expected.start, expected.end);
}

std::string describe_count(const contra::Count& count)
{
    if (count.hi) return count.lo == *count.hi ? fmt::format("{}", count.lo) : fmt::format("[{}, {}]", count.lo, *count.hi);
    return fmt::format("[{}, open)", count.lo);
}

std::string describe_qualifier(const contra::Qualifier& qualifier)
{
    const auto key = contra::qualifier_key(qualifier);
    return key.empty() ? std::string() : "{" + key + "}";
}

std::string describe_agent(const contra::Agent& agent)
{
    return fmt::format("{} {}responsible", agent.agent, agent.responsible ? "" : "not ");
}

std::string describe_value(const std::variant<contra::Count, contra::Agent, contra::Category>& value)
{
    if (const auto* count = std::get_if<contra::Count>(&value)) return describe_count(*count);
    if (const auto* category = std::get_if<contra::Category>(&value)) return category->name;
    return describe_agent(std::get<contra::Agent>(value));
}

std::string describe_value(const contra::Value& value)
{
    if (const auto* count = std::get_if<contra::Count>(&value.data)) return describe_count(*count);
    if (const auto* agent = std::get_if<contra::Agent>(&value.data)) return describe_agent(*agent);
    if (const auto* category = std::get_if<contra::Category>(&value.data)) return category->name;
    return value.canonical();
}

std::string one_line(std::string_view text)
{
    std::string out;
    for (const char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

struct DocumentScore {
    std::string name;
    std::string style;
    int expected = 0;
    int extracted = 0;  // scored claims only
    int true_positives = 0;
    int polarity_agreements = 0;
    std::vector<std::string> false_positives;  // readable lines
    std::vector<std::string> false_negatives;
    std::vector<std::string> polarity_misses;
};

// What is scored together: the count and responsibility claims, or the
// cause claims.
enum class Scored { counts_and_responsibility, causes };

DocumentScore score_document(const CorpusDocument& doc, const contra::Extraction& extraction, Scored what)
{
    const auto& attributes = what == Scored::causes ? k_cause_attributes : k_scored_attributes;
    const auto& expectations = what == Scored::causes ? doc.causes : doc.expected;
    DocumentScore score;
    score.name = doc.name;
    score.style = doc.style;
    score.expected = static_cast<int>(expectations.size());

    std::vector<const contra::Claim*> scored;
    for (const auto& claim : extraction.claims) {
        if (attributes.contains(claim.attribute)) scored.push_back(&claim);
    }
    score.extracted = static_cast<int>(scored.size());

    std::vector<bool> used(scored.size(), false);
    const contra::LineIndex lines(doc.document.text);
    for (const auto& expected : expectations) {
        bool found = false;
        for (std::size_t i = 0; i < scored.size() && !found; ++i) {
            if (used[i] || !claim_matches(expected, *scored[i], source_ids(*scored[i], extraction.new_sources))) continue;
            used[i] = true;
            found = true;
            ++score.true_positives;
            if (scored[i]->polarity == expected.polarity) {
                ++score.polarity_agreements;
            } else {
                score.polarity_misses.push_back(fmt::format("{}:{}: {} {}{} {}: expected {}, got {}  \"{}\"",
                    doc.name, lines.at(expected.start).line, expected.source, expected.attribute,
                    describe_qualifier(expected.qualifier), describe_value(expected.value),
                    contra::to_string(expected.polarity), contra::to_string(scored[i]->polarity),
                    one_line(expected.quote)));
            }
        }
        if (!found) {
            score.false_negatives.push_back(fmt::format("{}:{}: {} {}{} {} {}  \"{}\"  (expect.toml line {})",
                doc.name, lines.at(expected.start).line, expected.source, expected.attribute,
                describe_qualifier(expected.qualifier), describe_value(expected.value),
                contra::to_string(expected.polarity), one_line(expected.quote), expected.line));
        }
    }
    for (std::size_t i = 0; i < scored.size(); ++i) {
        if (used[i]) continue;
        const auto& claim = *scored[i];
        std::string trap_note;
        for (const auto& trap : doc.traps) {
            if (spans_overlap(claim.span, trap.start, trap.end)) trap_note = "  [trap: " + trap.why + "]";
        }
        score.false_positives.push_back(fmt::format("{}:{}: {} {}{} {} {}  \"{}\"{}", doc.name, claim.span.line,
            claim.source, claim.attribute, describe_qualifier(claim.qualifier), describe_value(claim.value),
            contra::to_string(claim.polarity), one_line(claim.quote), trap_note));
    }
    return score;
}

double ratio(int numerator, int denominator) { return denominator == 0 ? 1.0 : double(numerator) / denominator; }

struct Totals {
    int expected = 0;
    int extracted = 0;
    int true_positives = 0;
    int polarity_agreements = 0;
    [[nodiscard]] double precision() const { return ratio(true_positives, extracted); }
    [[nodiscard]] double recall() const { return ratio(true_positives, expected); }
};

Totals totals(const std::vector<DocumentScore>& scores)
{
    Totals sum;
    for (const auto& s : scores) {
        sum.expected += s.expected;
        sum.extracted += s.extracted;
        sum.true_positives += s.true_positives;
        sum.polarity_agreements += s.polarity_agreements;
    }
    return sum;
}

void print_report(std::string_view heading, const std::vector<DocumentScore>& scores, const Floors& floors)
{
    fmt::print("\n{}\n\n", heading);
    fmt::print("{:<34} {:<28} {:>4} {:>4} {:>4} {:>4} {:>4} {:>9} {:>7}\n", "document", "style", "exp", "got", "tp",
               "fp", "fn", "precision", "recall");
    for (const auto& s : scores) {
        fmt::print("{:<34} {:<28} {:>4} {:>4} {:>4} {:>4} {:>4} {:>9.2f} {:>7.2f}\n", s.name, s.style.substr(0, 28),
                   s.expected, s.extracted, s.true_positives, s.false_positives.size(), s.false_negatives.size(),
                   ratio(s.true_positives, s.extracted), ratio(s.true_positives, s.expected));
    }
    const auto sum = totals(scores);
    fmt::print("{:<34} {:<28} {:>4} {:>4} {:>4} {:>4} {:>4} {:>9.2f} {:>7.2f}\n", "TOTAL", "", sum.expected,
               sum.extracted, sum.true_positives, sum.extracted - sum.true_positives,
               sum.expected - sum.true_positives, sum.precision(), sum.recall());
    fmt::print("\npolarity agrees on {} of {} matched claims\n", sum.polarity_agreements, sum.true_positives);
    fmt::print("floors: precision {:.2f}, recall {:.2f}; targets: precision {:.2f}, recall {:.2f}\n", floors.precision,
               floors.recall, k_precision_target, k_recall_target);

    fmt::print("\nFalse positives (extracted, not expected):\n");
    for (const auto& s : scores)
        for (const auto& line : s.false_positives) fmt::print("  FP {}\n", line);
    fmt::print("\nFalse negatives (expected, not extracted):\n");
    for (const auto& s : scores)
        for (const auto& line : s.false_negatives) fmt::print("  FN {}\n", line);
    fmt::print("\nPolarity differences on matched claims:\n");
    for (const auto& s : scores)
        for (const auto& line : s.polarity_misses) fmt::print("  PO {}\n", line);
    fmt::print("\n");
}

// The scores of one corpus: count and responsibility claims, and causes.
struct CorpusScores {
    std::vector<DocumentScore> counts;
    std::vector<DocumentScore> causes;
};

CorpusScores run_corpus(std::string_view name)
{
    const auto rules = contra::RuleSet::load(contra::test::rules_dir().string());
    if (!rules) FAIL(rules.error().describe());
    const auto extractor = contra::Extractor::load(*rules);
    if (!extractor) FAIL(extractor.error().describe());

    CorpusScores scores;
    for (const auto& doc : load_corpus(name)) {
        const auto extraction = extractor->extract(doc.document, doc.options);
        if (!extraction) FAIL(doc.name << ": " << extraction.error().describe());
        if (std::getenv("CONTRA_QUALITY_VERBOSE") != nullptr) {
            fmt::print("--- {}\n", doc.name);
            for (const auto& claim : extraction->claims) {
                fmt::print("  {}:{} {} {}{} {} {} \"{}\" ({})\n", claim.span.line, claim.span.column, claim.source,
                           claim.attribute, describe_qualifier(claim.qualifier), describe_value(claim.value),
                           contra::to_string(claim.polarity), one_line(claim.quote), claim.origin);
            }
        }
        // Every claim is pinned to the words it quotes.
        for (const auto& claim : extraction->claims) {
            INFO(doc.name << ": " << claim.quote);
            REQUIRE(claim.span.end <= doc.document.text.size());
            CHECK(doc.document.text.substr(claim.span.start, claim.span.end - claim.span.start) == claim.quote);
            CHECK(claim.event == doc.options.event);
        }
        scores.counts.push_back(score_document(doc, *extraction, Scored::counts_and_responsibility));
        scores.causes.push_back(score_document(doc, *extraction, Scored::causes));
    }
    return scores;
}

void check_floors(std::string_view what, const std::vector<DocumentScore>& scores, const Floors& floors)
{
    const auto sum = totals(scores);
    INFO(fmt::format("{}: precision {:.3f} (floor {:.2f}), recall {:.3f} (floor {:.2f}); the lists above say what "
                     "was missed",
                     what, sum.precision(), floors.precision, sum.recall(), floors.recall));
    CHECK(sum.expected > 0);
    CHECK(sum.precision() >= floors.precision);
    CHECK(sum.recall() >= floors.recall);
}

void check_well_formed(std::string_view name, const contra::RuleSet& rules, std::size_t min_documents,
                       std::size_t min_styles, int min_claims)
{
    // Expected causes name categories of rules/lexicon/cause.toml.
    const auto cause_lexicon =
        contra::detail::extraction::CauseFinder::load((contra::test::rules_dir() / "lexicon").string());
    REQUIRE(cause_lexicon.has_value());
    const auto& categories = cause_lexicon->categories();
    std::vector<CorpusDocument> corpus;
    REQUIRE_NOTHROW(corpus = load_corpus(name));
    CHECK(corpus.size() >= min_documents);

    std::set<std::string> styles;
    int claims = 0;
    for (const auto& doc : corpus) {
        INFO(doc.name);
        CHECK_FALSE(doc.style.empty());
        styles.insert(doc.style);
        // Every expected attribute is declared by the rules, and every source
        // a claim names is declared in the file (so ids are not guesses).
        std::set<std::string> ids;
        for (const auto& source : doc.sources) {
            CHECK(source.id == slug(source.id));
            ids.insert(source.id);
        }
        for (const auto* list : {&doc.expected, &doc.causes}) {
            for (const auto& claim : *list) {
                INFO(claim.quote);
                CHECK(rules.attributes().contains(claim.attribute));
                CHECK(ids.contains(claim.source));
                if (const auto* category = std::get_if<contra::Category>(&claim.value)) {
                    CHECK(std::ranges::find(categories, category->name) != categories.end());
                }
            }
        }
        // A trap and an expected count or responsibility claim never share
        // words: that would make the same passage both wanted and unwanted.
        for (const auto& trap : doc.traps) {
            for (const auto& claim : doc.expected) {
                INFO(trap.quote << " / " << claim.quote);
                CHECK_FALSE((claim.start < trap.end && trap.start < claim.end));
            }
        }
        claims += static_cast<int>(doc.expected.size());
    }
    CHECK(styles.size() >= min_styles);
    CHECK(claims >= min_claims);
}

}  // namespace

TEST_CASE("the extraction corpora are well formed")
{
    const auto rules = contra::RuleSet::load(contra::test::rules_dir().string());
    REQUIRE(rules.has_value());
    SECTION("dev corpus") { check_well_formed(k_dev_corpus, *rules, 15, 12, 60); }
    // Held-out documents move to the dev corpus with the fixes of their
    // misses; what is left of thirty batches of sixteen remains
    // (docs/extraction-quality.md).
    SECTION("held-out corpus") { check_well_formed(k_heldout_corpus, *rules, 103, 91, 1430); }
}

TEST_CASE("the harness matches on source, attribute, qualifier, value and span")
{
    ExpectedClaim expected;
    expected.source = "ncri";
    expected.attribute = "injuries";
    expected.value = contra::Count{101, std::nullopt};
    expected.start = 10;
    expected.end = 20;

    contra::Claim claim;
    claim.source = "ncri";
    claim.attribute = "injuries";
    claim.value.data = contra::Count{101, std::nullopt};
    claim.span = {15, 40, 1, 16};
    const std::set<std::string> ids{"ncri"};
    CHECK(claim_matches(expected, claim, ids));

    SECTION("a span that only touches the quote's end does not overlap")
    {
        claim.span = {20, 30, 1, 21};
        CHECK_FALSE(claim_matches(expected, claim, ids));
    }
    SECTION("a closed interval is not the open one")
    {
        claim.value.data = contra::Count{101, 101};
        CHECK_FALSE(claim_matches(expected, claim, ids));
    }
    SECTION("a qualifier makes it another claim")
    {
        claim.qualifier = {{"group", "police"}};
        CHECK_FALSE(claim_matches(expected, claim, ids));
    }
    SECTION("another source is another claim")
    {
        CHECK_FALSE(claim_matches(expected, claim, {"interior-ministry"}));
    }
    SECTION("a new source answers to the slug of its name")
    {
        claim.source = "src-1";
        const std::vector<contra::Source> found{contra::Source{"src-1", "NCRI", "", contra::Stake::unknown, {}}};
        CHECK(claim_matches(expected, claim, source_ids(claim, found)));
        CHECK_FALSE(claim_matches(expected, claim, source_ids(claim, {})));
        CHECK(slug("  Ministry of  Interior (Albania) ") == "ministry-of-interior-albania");
    }
    SECTION("an agent matches on agent and stance, not on what it is responsible for")
    {
        expected.attribute = "responsibility";
        expected.value = contra::Agent{"police", false, "deaths"};
        claim.attribute = "responsibility";
        claim.value.data = contra::Agent{"police", false, ""};
        CHECK(claim_matches(expected, claim, ids));
        claim.value.data = contra::Agent{"police", true, "deaths"};
        CHECK_FALSE(claim_matches(expected, claim, ids));
    }
}

TEST_CASE("extraction quality on the dev corpus meets its floors")
{
    const auto scores = run_corpus(k_dev_corpus);
    print_report("Extraction quality on tests/extraction/ (dev corpus; count and responsibility claims)", scores.counts,
                 k_dev_floors);
    print_report("Cause claims on tests/extraction/ (dev corpus)", scores.causes, k_dev_cause_floors);
    check_floors("dev corpus", scores.counts, k_dev_floors);
    check_floors("dev corpus, causes", scores.causes, k_dev_cause_floors);
}

// The held-out documents are never used to tune the extractor: when one of
// their misses is fixed, the document moves to tests/extraction/ and a new
// one is written here (docs/extraction-quality.md).
TEST_CASE("extraction quality on the held-out corpus meets its floors")
{
    const auto scores = run_corpus(k_heldout_corpus);
    print_report("Extraction quality on tests/extraction-heldout/ (held-out corpus; count and responsibility claims)",
                 scores.counts, k_heldout_floors);
    print_report("Cause claims on tests/extraction-heldout/ (held-out corpus)", scores.causes, k_heldout_cause_floors);
    check_floors("held-out corpus", scores.counts, k_heldout_floors);
    check_floors("held-out corpus, causes", scores.causes, k_heldout_cause_floors);
}
