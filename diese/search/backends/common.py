"""What both search backends share so results behave the same on either.

Ranking is in two tiers, as the readers' rule says (title above summary
above body): first the pages whose title matches the whole query, then the
pages that match it elsewhere; within a tier, the better text-search rank
first, then the most recently published. Each tier is ranked on at most
CANDIDATES rows when that is enough to fill the page asked for, so a very
common word does not rank the whole site.

Counting stops past COUNT_CAP: the page then says « plus de 1 000 ».
"""

COUNT_CAP = 1000
CANDIDATES = 200
