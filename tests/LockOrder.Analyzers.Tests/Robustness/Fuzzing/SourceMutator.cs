using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// Turns a program into the kind of text an analyzer sees while someone types or refactors: tokens deleted,
    /// duplicated and swapped, the text cut off, braces unbalanced, lock types renamed so the order between them
    /// changes, lock operations and annotations swapped for their opposites, statements that change control flow
    /// dropped in anywhere, and pieces of other programs spliced in. Deterministic for a given <see cref="Random"/>.
    /// </summary>
    internal static class SourceMutator
    {
        /// <summary>Renames that move code between lock classes, into an undeclared class, or off the lock types.</summary>
        private static readonly (string From, string To)[] TypeRenames =
        {
            ("MemoryLock", "VmaLock"),
            ("MmapLock", "Foo"),
            ("VmaLock", "MmapLock"),
            ("MemoryLock", "MmapLock"),
            ("VmaLock", "MemoryLock"),
            ("MmapLock", "MemoryLock"),
            ("MutexLock", "RwSemaphore"),
            ("RwSemaphore", "MutexLock"),
            ("UserBuffer", "Foo"),
            ("LockMode", "Foo"),
        };

        /// <summary>Lock operations and annotations swapped for another that exists (or not) with a different effect.</summary>
        private static readonly (string From, string To)[] OperationSwaps =
        {
            ("EnterRead", "EnterWrite"), ("EnterWrite", "EnterRead"), ("ExitRead", "ExitWrite"), ("ExitWrite", "ExitRead"),
            ("Read", "Write"), ("Write", "Read"), ("Lock", "Read"), ("Enter", "TryEnter"), ("TryEnter", "Enter"),
            ("TryEnterRead", "EnterRead"), ("TryEnterWrite", "EnterWrite"), ("EnterReadKillable", "TryEnterRead"),
            ("Exit", "ExitRead"), ("DowngradeWrite", "ExitWrite"), ("Shared", "Exclusive"), ("Exclusive", "Shared"),
            ("AcquiredBefore", "AcquiredAfter"), ("AcquiredAfter", "AcquiredBefore"), ("Acquires", "Releases"),
            ("Releases", "Acquires"), ("TryAcquires", "Acquires"), ("Acquires", "TryAcquires"), ("Requires", "Excludes"),
            ("Excludes", "Requires"), ("MightFault", "NoLockAnalysis"), ("NoLockAnalysis", "MightFault"),
            ("MayAcquire", "Acquires"), ("CopyToUser", "CopyFromUser"), ("Blocking", "Foo"),
        };

        /// <summary>Text dropped in at a token boundary: control flow the lock-set analysis must follow, or break on.</summary>
        private static readonly string[] Snippets =
        {
            " return; ", " return true; ", " break; ", " continue; ", " goto L; ", " L: ", " throw null!; ", " yield return 1; ",
            " await System.Threading.Tasks.Task.Yield(); ", " async ", " static ", " unsafe ", " lock (this) { ", " using (", " using var s = ",
            " while (true) { ", " for (;;) ", " do { } while (x); ", " if (x) ", " else ", " try { ", " } finally { ", " } catch { ",
            " switch (x) { case 1: ", " default: ", " => ", " ?. ", " ?? ", " ! ", " ref ", " out ", " stackalloc byte[4] ",
            " () => { ", " void Local() { ", " delegate { ", " new() ", " this.", " base.", " default! ", " x is { } ",
            " [Acquires(typeof(MemoryLock), LockMode.Exclusive)] ", " [Releases(typeof(VmaLock), LockMode.Exclusive)] ",
            " [Requires(typeof(MmapLock), LockMode.Shared)] ", " [Excludes(typeof(MemoryLock))] ", " [MightFault] ",
            " [NoLockAnalysis] ", " [MayAcquire(typeof(MmapLock), LockMode.Shared)] ", " [AcquiredBefore(typeof(MmapLock))] ",
            " [TryAcquires(typeof(VmaLock), LockMode.Exclusive, Blocking = true)] ", " [AcquiredAfter(typeof(MemoryLock))] ",
            " memoryLock.EnterWrite(); ", " vmaLock.Enter(); ", " mmapLock.EnterRead(); ", " buffer.CopyToUser(default); ",
            " #if DEBUG\n", "\n#endif\n", " /* ", " */ ", " \"", " '", " @\"", " \"\"\"", " {", " }", " (", " )", " ;", " ,", " <", " >",
        };

        /// <summary>Variant <paramref name="index"/> of the fuzz run <paramref name="settings"/> describe: the same text on every replay.</summary>
        internal static MutatedSource Variant(FuzzSettings settings, int index, IReadOnlyList<CorpusEntry> corpus)
        {
            var random = settings.RandomFor(index);
            return Mutate(corpus[random.Next(corpus.Count)], random, corpus);
        }

        internal static MutatedSource Mutate(CorpusEntry origin, Random random, IReadOnlyList<CorpusEntry> corpus)
        {
            var text = origin.Text;
            var applied = ImmutableArray.CreateBuilder<string>();
            var count = 1 + random.Next(4);
            for (var step = 0; step < count; step++)
            {
                var (next, description) = MutateOnce(text, random, corpus);
                text = next;
                applied.Add(description);
            }

            return new MutatedSource(origin, applied.ToImmutable(), text);
        }

        private static (string Text, string Description) MutateOnce(string text, Random random, IReadOnlyList<CorpusEntry> corpus)
        {
            var tokens = Tokens(text);
            if (tokens.Count == 0)
            {
                return (text + Pick(Snippets, random), "append to empty");
            }

            switch (random.Next(12))
            {
                case 0:
                case 1:
                {
                    var start = random.Next(tokens.Count);
                    var length = Math.Min(1 + random.Next(3), tokens.Count - start);
                    tokens.RemoveRange(start, length);
                    return (Join(tokens), $"delete {length} token(s) at {start}");
                }

                case 2:
                {
                    var start = random.Next(tokens.Count);
                    var length = Math.Min(1 + random.Next(8), tokens.Count - start);
                    tokens.InsertRange(start + length, tokens.GetRange(start, length));
                    return (Join(tokens), $"duplicate {length} token(s) at {start}");
                }

                case 3:
                {
                    var first = random.Next(tokens.Count);
                    var second = random.Next(2) == 0 ? Math.Min(tokens.Count - 1, first + 1) : random.Next(tokens.Count);
                    (tokens[first], tokens[second]) = (tokens[second], tokens[first]);
                    return (Join(tokens), $"swap tokens {first} and {second}");
                }

                case 4:
                {
                    var cut = random.Next(text.Length + 1);
                    return (text.Substring(0, cut), $"truncate at {cut}");
                }

                case 5:
                {
                    var braces = Enumerable.Range(0, tokens.Count).Where(index => IsBracket(tokens[index])).ToList();
                    if (braces.Count > 0 && random.Next(2) == 0)
                    {
                        var index = braces[random.Next(braces.Count)];
                        tokens.RemoveAt(index);
                        return (Join(tokens), $"delete bracket at token {index}");
                    }

                    var at = random.Next(tokens.Count);
                    var brace = random.Next(2) == 0 ? "{" : "}";
                    tokens.Insert(at, brace);
                    return (Join(tokens), $"insert '{brace}' at token {at}");
                }

                case 6:
                    return Rename(tokens, TypeRenames, random, "rename lock type");

                case 7:
                case 8:
                    return Rename(tokens, OperationSwaps, random, "swap operation");

                case 9:
                case 10:
                {
                    var at = random.Next(tokens.Count + 1);
                    var snippet = Pick(Snippets, random);
                    tokens.Insert(at, snippet);
                    return (Join(tokens), $"insert '{snippet.Trim()}' at token {at}");
                }

                default:
                {
                    var donor = corpus[random.Next(corpus.Count)];
                    var donorTokens = Tokens(donor.Text);
                    if (donorTokens.Count == 0)
                    {
                        return (text, "splice nothing");
                    }

                    var start = random.Next(donorTokens.Count);
                    var length = Math.Min(5 + random.Next(56), donorTokens.Count - start);
                    var at = random.Next(tokens.Count + 1);
                    tokens.InsertRange(at, donorTokens.GetRange(start, length));
                    return (Join(tokens), $"splice {length} token(s) of {donor.Name} at token {at}");
                }
            }
        }

        /// <summary>Renames one occurrence, or every occurrence, of an identifier the program uses.</summary>
        private static (string Text, string Description) Rename(List<string> tokens, (string From, string To)[] table, Random random, string what)
        {
            var present = table.Where(pair => tokens.Any(token => token.Trim() == pair.From)).ToList();
            if (present.Count == 0)
            {
                return (Join(tokens), what + ": nothing to rename");
            }

            var (from, to) = present[random.Next(present.Count)];
            var occurrences = Enumerable.Range(0, tokens.Count).Where(index => tokens[index].Trim() == from).ToList();
            var everywhere = random.Next(2) == 0;
            foreach (var index in everywhere ? occurrences : new List<int> { occurrences[random.Next(occurrences.Count)] })
            {
                tokens[index] = tokens[index].Replace(from, to);
            }

            return (Join(tokens), $"{what} {from} -> {to} {(everywhere ? "everywhere" : "once")}");
        }

        /// <summary>The program's tokens, each with its trivia, so joining them gives back the text exactly.</summary>
        private static List<string> Tokens(string text) =>
            SyntaxFactory.ParseTokens(text, options: Microsoft.CodeAnalysis.CSharp.CSharpParseOptions.Default)
                .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken) || token.HasLeadingTrivia)
                .Select(token => token.ToFullString())
                .ToList();

        private static bool IsBracket(string token)
        {
            var trimmed = token.Trim();
            return trimmed is "{" or "}" or "(" or ")" or "[" or "]";
        }

        private static string Join(List<string> tokens) => string.Concat(tokens);

        private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
    }
}
