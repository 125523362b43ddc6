// Every numeric threshold of the recognisers, in one table: reaches and windows are counted in
// tokens unless they say words; confidences are 0..1. Each recogniser reads its own group. A change
// here changes what the reader finds: run the evaluation (reader/evaluate.ts) before and after.
export const tuning = {
  people: {
    /** An apposition closed by 'khi đó'/'then' ('X, cố vấn trưởng của Dự án khi đó') ends within this reach. */
    thenReach: 9,
    /** A photo credit ('Ảnh: UNFPA/Nguyen Minh Duc') has its 'Ảnh:' within this many tokens before the slash. */
    creditReach: 8,
    /** How far before a name a data-source cue may stand ('Theo số liệu được PGS.TS ... công bố'). */
    dataSourceReach: 10,
    /** How far before a name a greeting may stand ('lời chào và hỏi thăm của Thủ tướng Chính phủ X'). */
    greetingReach: 12,
    /** A title before a name ends at most this many tokens before it (a long title with its organisation). */
    leftWindow: 16,
    /** How many words of an organisation may stand between a title and the 'and' inside its name. */
    titleToConjunction: 6,
  },
  entities: {
    /** A venue's name is at most this many capitalised words ('Thành phố Hồ Chí Minh'). */
    venueWords: 5,
    /** How far before an organisation a data-source cue may stand ('Theo ước tính của Tổ chức ...'). */
    sourceReach: 5,
  },
  agreements: {
    /** How far before the document a proposal may stand ('mong muốn sớm nâng cấp ... thành Bản ghi nhớ'). */
    proposeWindow: 8,
    /** 'under the co-financing agreement': up to this many plain words may qualify a document in force. */
    basisGap: 2,
    /** How far after a document its own clause may sign it ('Bản ghi nhớ vừa được ký kết'). */
    clauseReach: 5,
    /** How far before a signing verb an intention may stand ('chuẩn bị nội dung để ký'). */
    intendedReach: 5,
    /** How far after a signing verb its year may stand ('signed by the two health ministries in 2019'). */
    signedYearReach: 9,
    /** The period closing a document's name ('... ba tỉnh giai đoạn 2021-2025') stands within this reach. */
    periodReach: 14,
  },
  areas: {
    /** Acronyms this short are also words in lower case ('ai', 'who'); longer ones match in any case. */
    shortAcronym: 3,
    /** Tokens between a word naming people ('chuyên gia') and its cue of sending ('cử 3 chuyên gia'). */
    cueReach: 4,
    /** Tokens from a body's or office's head to a capitalised keyword of its name ('Bộ trưởng phụ trách Y tế và Người cao tuổi'). */
    nameHeadReach: 8,
    /** Tokens after a praised achievement of the host ('Vietnam's success in ...') that tell its content. */
    achievementReach: 20,
  },
  commitments: {
    /** A list's lead-in ('các nội dung hợp tác gồm:') is a plural marker at most this many tokens before the colon's word. */
    leadInWords: 5,
    /** 'tin tưởng thông qua hợp tác chặt chẽ, hai nước sẽ ...': a belief governs the clauses after it. */
    beliefReach: 20,
    /** 'để hai bên có thể': a purpose marker governs a cue at most this many tokens after it. */
    purposeReach: 4,
    /** Both halves of 'A sẽ cử ... và hỗ trợ ...' need this many words to stand as promises. */
    joinedHalfWords: 5,
    /** The second half of a joined promise is counted over at most this many tokens. */
    joinedReach: 40,
    /** ', and the institute offered to ...': the second clause's own cue stands within this many tokens of its 'and'. */
    clauseCueReach: 10,
    /** 'Dự án nhằm ...', 'The aim of the memorandum of understanding is to ...': the scope verb within this many tokens of the programme's name. */
    scopeReach: 8,
    /** A list's colon stands at most this many tokens after the word that announces it. */
    enumerationReach: 4,
    /** A meeting named within this many tokens of the lead's start opens it ('Kết thúc buổi hội đàm,'), not what it reports. */
    leadOpeningWords: 3,
    /** A colon this many tokens after a project's name ('dự án thuộc các lĩnh vực:') opens its content list. */
    programmeListReach: 7,
    /** Fewer words than this is a fragment, not a commitment. */
    minWords: 4,
    /** A document lead names its document within this many tokens ('Theo Bản ghi nhớ, ...'). */
    documentReach: 3,
    /** ... and closes with a comma within this many. */
    leadReach: 20,
    /** List items averaging fewer words than this are one commitment with its list, not several. */
    shortItemWords: 6,
    /** Lines averaging at most this many words after a list head are its items, read as one. */
    shortListWords: 7,
    /** Items this close in wording (Jaccard over folded words) repeat an earlier one. */
    repeatSimilarity: 0.7,
    /** A repeat is looked for among this many last kept items (bounds the work on long inputs). */
    repeatWindow: 50,
    /** An item whose words, at least this many, lie containedShare inside another's says it again. */
    containedWords: 10,
    /** ... the share of its words that must lie inside the other item for it to be a repeat. */
    containedShare: 0.9,
    /** A commitment with no status verb of its own takes the nearest one at most this many tokens before it. */
    statusReach: 40,
  },
  events: {
    /** How far after a trigger a date may still say when it happened. */
    datedReach: 15,
    /** How far after a handover word the award it presents may start ('trao tặng Kỷ niệm chương'). */
    awardReach: 4,
    /** How far before a handover word an award may end ('phần thưởng cao quý nhất mà VUFO trao tặng'). */
    awardBehindReach: 7,
    /** An event's title is cut at a word boundary to at most this many characters. */
    titleLength: 120,
  },
  dates: {
    /**
     * Date patterns are tried beside at most this many digit runs, and this many month names, of a
     * text. The longest article of every set has under a hundred digit runs; a hostile 2 MB text has
     * a million ('1/1/1/…'), each tried by every pattern and every mention read by every recogniser.
     */
    maxAnchors: 5000,
  },
  policies: {
    /** A number with its issuer's code ('72-NQ/TW') names the document for certain. */
    sure: 0.95,
    /** A bare 'Nghị quyết 57' is read as the Politburo's, as the press names them: likely, not sure. */
    assumedPolitburo: 0.7,
  },
} as const;
