import assert from "node:assert/strict";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { textArticle as article } from "../seeds.ts";

Deno.test("a picture's caption ending in its credit is removed and kept for audit", () => {
  const a = cleanArticle(article(
    [
      "The council voted on Tuesday to close the bridge.",
      "Commuters queue at the old crossing. Image: Jane Doe.",
      "Repairs will take a year, the mayor said.",
      "Black Widow and Captain America Image: Jane Doe.",
      "Photo: Reuters/John Smith",
      "The vote was 7 to 2.",
    ].join("\n\n"),
  ));
  assert.deepEqual(a.removed.map((r) => [r.kind, r.line]), [
    ["photo_caption", 3],
    ["photo_caption", 7],
    ["photo_caption", 9],
  ]);
  assert.equal(
    a.text,
    "The council voted on Tuesday to close the bridge.\n\nRepairs will take a year, the mayor said.\n\nThe vote was 7 to 2.",
  );
});

Deno.test("body paragraphs that mention a photo or an image are kept", () => {
  const kept = [
    "The agency said the photo: a fake, was made with software.",
    "She posted a photo of the flood on Tuesday: Photo albums were lost too, she said.",
    "Image: the word he used for the brand, the lawyer said in court on Monday before the jury.",
    "“Picture this: a city without cars,” the mayor said.",
  ];
  for (const text of kept) {
    const a = cleanArticle(article(`The first paragraph of the story.\n\n${text}`));
    assert.deepEqual(a.removed, [], text);
  }
});

Deno.test("a line of rule characters between sections is removed as a separator", () => {
  const a = cleanArticle(article(
    [
      "The council voted on Tuesday to close the bridge.",
      "***",
      "Repairs will take a year, the mayor said.",
      "* * *",
      "---",
      "The vote was 7 to 2.",
      "- - a list item is not a rule",
    ].join("\n\n"),
  ));
  assert.deepEqual(a.removed.map((r) => [r.kind, r.line]), [
    ["separator", 3],
    ["separator", 7],
    ["separator", 9],
  ]);
  assert.equal(
    a.text,
    "The council voted on Tuesday to close the bridge.\n\nRepairs will take a year, the mayor said.\n\nThe vote was 7 to 2.\n\n- - a list item is not a rule",
  );
});

Deno.test("captions ending in an agency or photographer credit, as US sites print them, are removed", () => {
  const captions = [
    "President Jane Roe speaks at the White House on Tuesday. (AP Photo/Evan Vucci)",
    "(AP Photo/Evan Vucci)",
    "Protesters gather outside the court. (Photo by Jane Doe/Getty Images)",
    "Protesters gather outside the court. REUTERS/Jane Doe",
    "Jane Doe/Getty Images",
    "Protesters gather outside the court. Credit: Jane Doe for The New York Times",
  ];
  for (const caption of captions) {
    const a = cleanArticle(article(`The council voted on Tuesday.\n\n${caption}\n\nIt was close.`));
    assert.deepEqual(a.removed.map((r) => [r.kind, r.text]), [["photo_caption", caption]], caption);
    assert.equal(a.text, "The council voted on Tuesday.\n\nIt was close.", caption);
  }
  // Brackets, slashes and agencies in story sentences stay.
  for (
    const text of [
      "The senator said the vote was a farce (she has said so before).",
      "He works for AP/Reuters.",
      "Sales rose 5% (photo equipment) in the quarter.",
    ]
  ) {
    const a = cleanArticle(article(`The council voted on Tuesday.\n\n${text}`));
    assert.deepEqual(a.removed, [], text);
  }
});
