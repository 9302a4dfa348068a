using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DentalClaimsHub.Storage.Commands;

/// <summary>
/// Gives EF a new <see cref="NpgsqlCommand"/> for every statement instead of the one an <see cref="NpgsqlConnection"/> keeps
/// for reuse. Npgsql's reused command keeps the statement it ran last (its SQL as rewritten for PostgreSQL, a few KB, and
/// its parameters) until the connection runs the next one, and a pooled context's connection object lives as long as the
/// hub. So every query's text and parameters stayed reachable from an old object after the query was done: the garbage
/// collector copied them out of the young generation at each collection, a fifth of what it copied under load. A new
/// command is garbage once EF has disposed it and its physical connection has run the next statement (Npgsql's pooled
/// connection keeps the last statement in the data reader it reuses, out of the hub's reach).
/// </summary>
public sealed class UncachedCommands : DbCommandInterceptor
{
    public static readonly UncachedCommands Instance = new();

    private UncachedCommands()
    {
    }

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is NpgsqlConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new NpgsqlCommand { Connection = connection })
            : result;
}
