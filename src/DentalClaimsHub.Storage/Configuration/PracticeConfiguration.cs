using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(p => p.TimeZoneId).HasMaxLength(64);
        b.Property(p => p.Npi).HasConversion(new ValueConverter<Npi, string>(v => v.Value, s => Npi.Parse(s))).HasMaxLength(10);
        b.Property(p => p.TaxId).HasMaxLength(9);
        b.Property(p => p.Inn).HasConversion(new ValueConverter<Inn, string>(v => v.Value, s => Inn.Parse(s))).HasMaxLength(12);
        b.OwnsOne(p => p.Address, AddressColumns.Map);
        b.OwnsOne(p => p.PayToAddress, a => AddressColumns.Map(a, "pay_to_address"));
        b.Property(p => p.Ogrn).HasConversion(new ValueConverter<Ogrn, string>(v => v.Value, s => Ogrn.Parse(s))).HasMaxLength(15);
    }
}
