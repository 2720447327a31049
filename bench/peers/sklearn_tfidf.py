"""Peer for `deno task bench`: scikit-learn's TfidfVectorizer on the same JSONL corpus.

Prints one JSON line: seconds for fit_transform with unigrams and with unigrams plus bigrams
(English stop words removed, lowercase), timing only the vectorizing, not the reading.
"""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
result = {"documents": len(texts)}
for name, ngram in (("unigrams", (1, 1)), ("unigrams_bigrams", (1, 2))):
    start = time.perf_counter()
    matrix = TfidfVectorizer(ngram_range=ngram, stop_words="english").fit_transform(texts)
    result[name] = {"seconds": time.perf_counter() - start, "features": matrix.shape[1]}
print(json.dumps(result))
