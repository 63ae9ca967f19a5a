/** Common English function words, dropped before comparing texts. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each even every few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just let me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves one two many much get got make made take took well still since yet however though although around across
within without per via like new used using use way also really quite able need needed time times day days week weeks team`.split(/\s+/),
);
