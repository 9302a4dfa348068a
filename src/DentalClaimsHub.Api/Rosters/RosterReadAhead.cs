using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Reads a roster on its own thread, a bounded queue of batches ahead of the COPY, so parsing the file and PostgreSQL
/// taking the rows overlap (each has a core) while memory stays flat in file size. What the reader throws (an unreadable
/// file) is rethrown to the consumer as is; when the consumer stops early the reader stops too.
/// </summary>
public static class RosterReadAhead
{
    private const int BatchSize = 512;
    private const int Batches = 8;

    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(Batches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        var reading = Task.Run(async () =>
        {
            var batch = new List<T>(BatchSize);
            try
            {
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == BatchSize)
                    {
                        await channel.Writer.WriteAsync([.. batch], stop.Token);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync([.. batch], stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped (or was cancelled): nobody reads the rest.
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
                // The rows read before the failure still go out, then the failure.
                try
                {
                    await channel.Writer.WriteAsync([.. batch], stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // The consumer stopped meanwhile.
                }
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }

        failure?.Throw();
    }
}
